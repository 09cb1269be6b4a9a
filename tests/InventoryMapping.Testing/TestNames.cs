namespace InventoryMapping.Testing;

public static class TestNames
{
    /// <summary>A storage name prefix no other test uses: lower-case letters and digits, starting with a letter.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
