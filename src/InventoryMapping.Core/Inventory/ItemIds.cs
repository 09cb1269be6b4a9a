using System.Security.Cryptography;

namespace InventoryMapping.Inventory;

/// <summary>
/// Item ids are 16 lower-case hex digits; the first two name the item's partition. Bulk creation picks one
/// partition per batch so that its items are written in one transaction.
/// </summary>
public static class ItemIds
{
    public const int PartitionCount = 256;

    public static string New(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, PartitionCount);
        return partition.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(7));
    }

    public static string New() => New(RandomNumberGenerator.GetInt32(PartitionCount));

    public static bool IsValid(string? itemId) =>
        itemId is { Length: 16 } && itemId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static string PartitionOf(string itemId) => itemId[..2];
}
