namespace InventoryMapping.Jobs;

public static class JobIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>The id of the one job for <paramref name="key"/> (e.g. one version of an import file), so starting it again finds it.</summary>
    public static string For(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    public static bool IsValid(string? jobId) => jobId is { Length: 32 } && jobId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
