using System.Globalization;

namespace InventoryMapping.Lifecycle;

/// <summary>
/// A tracked request's id: inverted ticks of when it was requested (19 digits, so the newest sorts first, after every
/// <c>!</c> row of the partition) and 6 random hex digits.
/// </summary>
public static class RequestIds
{
    public static string New(DateTimeOffset requestedAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - requestedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

    public static bool IsValid(string? requestId) =>
        requestId is { Length: 25 } && requestId.AsSpan(0, 19).ContainsAnyExceptInRange('0', '9') is false
        && requestId.AsSpan(19).ContainsAnyExcept("0123456789abcdef") is false;
}
