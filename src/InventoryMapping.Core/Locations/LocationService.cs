using Azure.Data.Tables;
using InventoryMapping.Storage;

namespace InventoryMapping.Locations;

/// <summary>Stock locations and system settings. A default location exists from the start, even before anything is stored.</summary>
public sealed class LocationService(AppStorage storage)
{
    public const string BuiltInLocationId = "default";
    public const string BuiltInLocationName = "My Location";
    public const int MaxNameLength = 100;

    public async Task<Result<Location>> GetAsync(string locationId, CancellationToken cancellationToken) =>
        await FindAsync(locationId, cancellationToken) is { } location ? location : DomainError.NotFound("Location", locationId);

    internal async Task<bool> ExistsAsync(string locationId, CancellationToken cancellationToken) => await FindAsync(locationId, cancellationToken) is not null;

    private async Task<Location?> FindAsync(string locationId, CancellationToken cancellationToken)
    {
        if (!LocationIds.IsValid(locationId))
        {
            return null;
        }

        var row = await storage.Settings.GetEntityIfExistsAsync<SettingsEntity>(SettingsEntity.LocationPartition, locationId, cancellationToken: cancellationToken);
        if (row.HasValue)
        {
            return new Location(locationId, row.Value!.Name ?? locationId);
        }

        return locationId == BuiltInLocationId ? new Location(BuiltInLocationId, BuiltInLocationName) : null;
    }

    /// <summary>Every location, the built-in default included, by id (one partition: locations are few).</summary>
    public async Task<IReadOnlyList<Location>> ListAsync(CancellationToken cancellationToken)
    {
        var locations = new SortedDictionary<string, Location>(StringComparer.Ordinal) { [BuiltInLocationId] = new(BuiltInLocationId, BuiltInLocationName) };
        await foreach (var row in storage.Settings.QueryAsync<SettingsEntity>(e => e.PartitionKey == SettingsEntity.LocationPartition, cancellationToken: cancellationToken))
        {
            locations[row.RowKey] = new Location(row.RowKey, row.Name ?? row.RowKey);
        }

        return [.. locations.Values];
    }

    public async Task<Result<Location>> PutAsync(string locationId, string? name, CancellationToken cancellationToken)
    {
        if (!LocationIds.IsValid(locationId))
        {
            return DomainError.Invalid("locationId", $"A location id is {Slug.Rule}.");
        }

        if (string.IsNullOrWhiteSpace(name) || TextRules.FreeTextProblem("name", name, MaxNameLength) is not null)
        {
            return DomainError.Invalid("name", $"name is required: 1-{MaxNameLength} characters, no control characters.");
        }

        var entity = new SettingsEntity { PartitionKey = SettingsEntity.LocationPartition, RowKey = locationId, Name = name.Trim() };
        await storage.Settings.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return new Location(locationId, entity.Name);
    }

    public async Task<SystemSettings> GetSettingsAsync(CancellationToken cancellationToken)
    {
        var row = await storage.Settings.GetEntityIfExistsAsync<SettingsEntity>(SettingsEntity.SystemPartition, SettingsEntity.SystemRow, cancellationToken: cancellationToken);
        return new SystemSettings(row.HasValue && row.Value!.DefaultLocationId is { } id ? id : BuiltInLocationId);
    }

    public async Task<Result<SystemSettings>> PutSettingsAsync(SystemSettings settings, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(settings.DefaultLocationId ?? "", cancellationToken))
        {
            return DomainError.Invalid("defaultLocationId", $"Location '{settings.DefaultLocationId}' does not exist.");
        }

        var entity = new SettingsEntity
        {
            PartitionKey = SettingsEntity.SystemPartition,
            RowKey = SettingsEntity.SystemRow,
            DefaultLocationId = settings.DefaultLocationId,
        };
        await storage.Settings.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return settings;
    }
}
