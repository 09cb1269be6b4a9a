namespace InventoryMapping.Jobs;

public static class JobIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? jobId) => jobId is { Length: 32 } && jobId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
