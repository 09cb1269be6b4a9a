namespace InventoryMapping.AmazonSandbox;

/// <summary>A seller that authorised the sandbox app: its refresh token and where its listings come from (a TSV seed file, else generated ones).</summary>
public sealed class SandboxSeller
{
    public string SellerId { get; set; } = "A1SANDBOXSELLER";

    public string RefreshToken { get; set; } = "Atzr|sandbox-refresh-token";

    /// <summary>A GET_MERCHANT_LISTINGS_ALL_DATA-style TSV (UTF-8, columns by header name) to seed the catalogue from.</summary>
    public string? SeedFile { get; set; }

    /// <summary>When there is no seed file: how many listings to generate.</summary>
    public int GeneratedListings { get; set; } = 100;
}
