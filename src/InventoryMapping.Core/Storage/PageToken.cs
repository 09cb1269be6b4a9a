namespace InventoryMapping.Storage;

/// <summary>
/// Where the next page starts: the storage continuation of the page that was being read, and how many of its
/// matches were already returned.
/// </summary>
public sealed record PageToken(string? Storage, int Skip)
{
    public string Encode() => OpaqueToken.Encode(this);

    public static bool TryDecode(string? text, out PageToken? token) =>
        OpaqueToken.TryDecode(text, out token) && token is null or { Skip: >= 0 };
}
