namespace InventoryMapping.Storage;

/// <summary>
/// Where the next page starts: the storage continuation of the page that was being read, and how many of its
/// matches were already returned. Encoded for a scope (what the pages are of), it decodes only for the same one.
/// </summary>
public sealed record PageToken(string? Storage, int Skip)
{
    public string Encode(string scope = "") => OpaqueToken.Encode(this, scope);

    public static bool TryDecode(string? text, out PageToken? token, string scope = "") =>
        OpaqueToken.TryDecode(text, out token, scope) && token is null or { Skip: >= 0 };
}
