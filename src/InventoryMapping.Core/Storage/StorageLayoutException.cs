namespace InventoryMapping.Storage;

/// <summary>The store holds data of a layout this version cannot read correctly; the message says what to do.</summary>
public sealed class StorageLayoutException(int? found) : Exception(
    $"The app's storage holds data of storage layout {(found is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1 (from before layout versions)")}; " +
    $"this version reads layout {StorageLayout.Current} only and refuses to start rather than misread it. " +
    "Locally, delete .azurite/ (or the tables of this Storage__NamePrefix) and start again: ./run.sh brings the demo listings back. " +
    "In Azure, start from an empty storage account (or delete the app's tables and let infra/ create them), then request the listings reports again. " +
    "See 'Storage layout versions' in docs/architecture.md.")
{
    public int? Found { get; } = found;
}
