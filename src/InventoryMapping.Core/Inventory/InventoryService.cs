using Azure;
using InventoryMapping.Locations;
using InventoryMapping.Storage;

namespace InventoryMapping.Inventory;

/// <summary>Create, read, replace and delete inventory items, and set their stock per location.</summary>
public sealed class InventoryService(InventoryStore store, ItemWriter writer, LocationService locations, ConflictRetry retry, TimeProvider clock)
{
    public async Task<Result<InventoryItem>> GetAsync(string itemId, CancellationToken cancellationToken) =>
        await store.GetAsync(itemId, cancellationToken) is { } item ? item : DomainError.NotFound("Item", itemId);

    public async Task<Result<InventoryItem>> CreateAsync(ItemDefinition definition, CancellationToken cancellationToken)
    {
        if (await CheckAsync(definition, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var entity = NewEntity(ItemIds.New(), definition, now);
        var created = (await writer.CreateManyAsync([entity], cancellationToken))[0];
        return created.DuplicateOfItemId is { } holder ? await store.SkuTakenAsync(holder, definition.Sku!, cancellationToken) : created.Item;
    }

    /// <summary>
    /// Creates many items at once (bulk imports, seeding). Validation is all or nothing: one bad item rejects the
    /// batch, naming it. Items whose SKU another item holds are returned as duplicates, not created.
    /// </summary>
    public async Task<Result<IReadOnlyList<ItemCreation>>> CreateManyAsync(IReadOnlyList<ItemDefinition> definitions, CancellationToken cancellationToken)
    {
        for (var i = 0; i < definitions.Count; i++)
        {
            if (await CheckAsync(definitions[i], cancellationToken) is { } invalid)
            {
                return invalid with { Field = $"items[{i}].{invalid.Field}" };
            }
        }

        // One item partition per hundred items, so that they are written in full transactions.
        var now = clock.GetUtcNow();
        var first = Random.Shared.Next(ItemIds.PartitionCount);
        var entities = definitions
            .Select((d, i) => NewEntity(ItemIds.New((first + i / 100) % ItemIds.PartitionCount), d, now))
            .ToList();
        var created = await writer.CreateManyAsync(entities, cancellationToken);
        return Result<IReadOnlyList<ItemCreation>>.Of(created);
    }

    /// <summary>
    /// A full replace: what <paramref name="definition"/> leaves out takes the default of a new item, stock levels
    /// included. The SKU, title and every other field are as sent; the item keeps its id and creation time.
    /// </summary>
    public Task<Result<InventoryItem>> ReplaceAsync(string itemId, ItemDefinition definition, string? ifMatch, CancellationToken cancellationToken) =>
        UpdateAsync(itemId, _ => definition, ifMatch, cancellationToken);

    /// <summary>
    /// A partial edit: <paramref name="patch"/> turns the item's current fields into the new ones (it may refuse, e.g.
    /// a field of the wrong type); the result is checked like a replacement.
    /// </summary>
    public Task<Result<InventoryItem>> PatchAsync(
        string itemId, Func<ItemDefinition, Result<ItemDefinition>> patch, string? ifMatch, CancellationToken cancellationToken) =>
        UpdateAsync(itemId, patch, ifMatch, cancellationToken);

    public async Task<Result<InventoryItem>> SetStockAsync(string itemId, string locationId, int? level, string? ifMatch, CancellationToken cancellationToken)
    {
        if (level is null or < 0)
        {
            return DomainError.Invalid("level", "level is required and may not be negative.");
        }

        if (!await locations.ExistsAsync(locationId, cancellationToken))
        {
            return DomainError.NotFound("Location", locationId);
        }

        return await UpdateAsync(
            itemId,
            current => current with { StockLevels = new Dictionary<string, int>(current.StockLevels!) { [locationId] = level.Value } },
            ifMatch,
            cancellationToken);
    }

    /// <summary>
    /// Every change of an existing item: read it, check If-Match, compute and check its new fields, write under its
    /// ETag. Without If-Match a concurrent change is not the caller's concern: the change is decided again on what
    /// the item holds now.
    /// </summary>
    private Task<Result<InventoryItem>> UpdateAsync(
        string itemId, Func<ItemDefinition, Result<ItemDefinition>> change, string? ifMatch, CancellationToken cancellationToken) =>
        retry.RunAsync(ConflictLimit.Item, async (_, ct) =>
        {
            var current = await store.GetEntityAsync(itemId, ct);
            if (current is null)
            {
                return Attempt.Done<Result<InventoryItem>>(DomainError.NotFound("Item", itemId));
            }

            if (ifMatch is not null && current.ETag != new ETag(ifMatch))
            {
                return Attempt.Done<Result<InventoryItem>>(DomainError.PreconditionFailed($"Item '{itemId}' is not at version {ifMatch}."));
            }

            var definition = change(ToDefinition(current.ToItem()));
            if (!definition.IsSuccess)
            {
                return Attempt.Done<Result<InventoryItem>>(definition.Error);
            }

            if (await CheckAsync(definition.Value, ct) is { } invalid)
            {
                return Attempt.Done<Result<InventoryItem>>(invalid);
            }

            var next = NewEntity(itemId, definition.Value, clock.GetUtcNow());
            next.CreatedAt = current.CreatedAt;
            var replaced = await writer.ReplaceAsync(current, next, ct);
            Result<InventoryItem> outcome = replaced.IsSuccess ? replaced.Value.ToItem() : replaced.Error;
            return !replaced.IsSuccess && ifMatch is null && replaced.Error.Kind == DomainErrorKind.PreconditionFailed
                ? Attempt.ConflictOr(outcome)
                : Attempt.Done(outcome);
        }, cancellationToken);

    /// <summary>A new item row from a definition that passed validation, with the defaults of a new item.</summary>
    internal static ItemEntity NewEntity(string itemId, ItemDefinition definition, DateTimeOffset now) => new()
    {
        PartitionKey = ItemIds.PartitionOf(itemId),
        RowKey = itemId,
        Sku = definition.Sku!,
        Title = definition.Title ?? "",
        PurchasePrice = ItemMapping.Format(definition.PurchasePrice ?? 0),
        RetailPrice = ItemMapping.Format(definition.RetailPrice ?? 0),
        Description = definition.Description ?? "",
        Weight = ItemMapping.Format(definition.Weight ?? 0),
        TaxRate = ItemMapping.Format(definition.TaxRate ?? -1),
        StockLevels = ItemMapping.FormatStock(definition.StockLevels ?? new Dictionary<string, int>()),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The item's fields as a definition: replacing the item with it changes nothing.</summary>
    private static ItemDefinition ToDefinition(InventoryItem item) => new(
        item.Sku, item.Title, item.PurchasePrice, item.RetailPrice, item.Description, item.Weight, item.TaxRate, item.StockLevels);

    private async Task<DomainError?> CheckAsync(ItemDefinition definition, CancellationToken cancellationToken)
    {
        if (ItemRules.Check(definition) is { } invalid)
        {
            return invalid;
        }

        foreach (var locationId in definition.StockLevels?.Keys ?? [])
        {
            if (!await locations.ExistsAsync(locationId, cancellationToken))
            {
                return DomainError.Invalid($"stockLevels.{locationId}", $"Location '{locationId}' does not exist.");
            }
        }

        return null;
    }
}
