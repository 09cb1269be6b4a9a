namespace InventoryMapping.Jobs;

public enum JobKind
{
    LinkAllBySku,
    CreateAll,
}
