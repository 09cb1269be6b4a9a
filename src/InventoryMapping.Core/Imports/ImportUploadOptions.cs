namespace InventoryMapping.Imports;

/// <summary>Limits of CSV uploads over HTTP (section <see cref="Section"/>); a file dropped into Blob Storage has none.</summary>
public sealed class ImportUploadOptions
{
    public const string Section = "Imports";

    /// <summary>The Functions host's own request limit (100 MB); an upload above it never reaches the app.</summary>
    public const long HostLimit = 100L * 1024 * 1024;

    /// <summary>Largest CSV an upload takes, however it is framed; larger files go straight into the imports container.</summary>
    public long MaxUploadBytes { get; set; } = HostLimit;
}
