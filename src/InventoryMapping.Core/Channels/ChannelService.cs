using System.Text.RegularExpressions;
using Azure;
using InventoryMapping.Locations;

namespace InventoryMapping.Channels;

public sealed partial class ChannelService(ChannelStore channels, LocationService locations, TimeProvider clock)
{
    public const int DefaultRefreshMinutes = 360;
    private const int MaxTextLength = 100;
    private const int MaxLocations = 50;

    public async Task<Result<Channel>> GetAsync(string channelId, CancellationToken cancellationToken) =>
        await channels.GetAsync(channelId, cancellationToken) is { } channel ? channel : DomainError.NotFound("Channel", channelId);

    public Task<IReadOnlyList<Channel>> ListAsync(CancellationToken cancellationToken) => channels.ListAsync(cancellationToken);

    /// <summary>
    /// Creates or replaces a channel. With <paramref name="ifMatch"/>, only if nobody changed it since that version;
    /// <c>*</c> replaces whatever version exists, and creates nothing.
    /// </summary>
    public async Task<Result<Channel>> PutAsync(string channelId, ChannelDefinition definition, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!ChannelIds.IsValid(channelId))
        {
            return DomainError.Invalid("channelId", "A channel id is 1-40 lower-case letters, digits and inner dashes.");
        }

        if (Validate(definition) is { } invalid)
        {
            return invalid;
        }

        var locationIds = definition.LocationIds?.ToList()
            ?? [definition.LocationId ?? (await locations.GetSettingsAsync(cancellationToken)).DefaultLocationId];
        var field = definition.LocationIds is null ? "locationId" : "locationIds";
        foreach (var id in locationIds)
        {
            if (!await locations.ExistsAsync(id, cancellationToken))
            {
                return DomainError.Invalid(field, $"Location '{id}' does not exist.");
            }
        }

        var existing = await channels.GetEntityAsync(channelId, cancellationToken);
        if (existing?.DeletedAt is not null)
        {
            return DomainError.Conflict(
                $"Channel '{channelId}' is being deleted (job {existing.DeletionJobId}); it can be created again once that job has finished.", "channelId");
        }

        if (ifMatch == "*")
        {
            // RFC 9110: any current version; there must be one.
            ifMatch = existing is null ? ifMatch : null;
        }

        if (ifMatch is not null && (existing is null || existing.ETag != new ETag(ifMatch)))
        {
            return DomainError.PreconditionFailed($"Channel '{channelId}' is not at version {ifMatch}.");
        }

        var entity = new ChannelEntity
        {
            RowKey = channelId,
            AccountId = definition.AccountId!.Trim(),
            AccountName = definition.AccountName!.Trim(),
            Region = definition.Region!,
            MarketplaceIds = string.Join(',', definition.MarketplaceIds!),
            LocationId = locationIds[0],
            LocationIds = string.Join(',', locationIds),
            StockPercentage = definition.StockRules?.StockPercentage,
            MaxListedQuantity = definition.StockRules?.MaxListedQuantity,
            EndWhenStock = definition.StockRules?.EndWhenStock,
            AutoLinkBySku = definition.AutoLinkBySku ?? false,
            ListingsRefreshMinutes = definition.ListingsRefreshMinutes ?? DefaultRefreshMinutes,
            UpdatedAt = clock.GetUtcNow(),
            ETag = existing?.ETag ?? default,
        };
        return await channels.SaveAsync(entity, ifMatch is null ? null : new ETag(ifMatch), existing is not null, cancellationToken);
    }

    private static DomainError? Validate(ChannelDefinition definition)
    {
        if (TextRules.IdentifierProblem("accountId", definition.AccountId, MaxTextLength) is not null)
        {
            return DomainError.Invalid("accountId", $"accountId (the seller id) is required: 1-{MaxTextLength} characters.");
        }

        if (!IsText(definition.AccountName))
        {
            return DomainError.Invalid("accountName", $"accountName is required: 1-{MaxTextLength} characters.");
        }

        // Exactly as documented and as GET answers: no numbers, no other case, no spaces.
        if (definition.Region is null || !Enum.GetNames<AmazonRegion>().Contains(definition.Region, StringComparer.Ordinal))
        {
            return DomainError.Invalid("region", "region is required: NA, EU or FE.");
        }

        if (definition.MarketplaceIds is not { Count: >= 1 and <= 25 } ids || ids.Any(id => id is null || !MarketplaceId().IsMatch(id)))
        {
            return DomainError.Invalid("marketplaceIds", "marketplaceIds is required: 1-25 Amazon marketplace ids such as ATVPDKIKX0DER.");
        }

        if (definition.LocationId is not null && !LocationIds.IsValid(definition.LocationId))
        {
            return DomainError.Invalid("locationId", "locationId is a location's id.");
        }

        if (definition.LocationIds is { } several)
        {
            if (several.Count is 0 or > MaxLocations || several.Any(id => id is null || !LocationIds.IsValid(id)) || several.Distinct(StringComparer.Ordinal).Count() != several.Count)
            {
                return DomainError.Invalid("locationIds", $"locationIds is 1-{MaxLocations} distinct location ids.");
            }

            if (definition.LocationId is not null && definition.LocationId != several[0])
            {
                return DomainError.Invalid("locationId", "locationId, when given with locationIds, is the first of them (the older one-location spelling).");
            }
        }

        if (definition.StockRules?.Problem("stockRules.") is { } rules)
        {
            return rules;
        }

        if (definition.ListingsRefreshMinutes is < 15 or > 10080)
        {
            return DomainError.Invalid("listingsRefreshMinutes", "listingsRefreshMinutes is 15 to 10080 (a week).");
        }

        return null;
    }

    private static bool IsText(string? value) =>
        !string.IsNullOrWhiteSpace(value) && TextRules.FreeTextProblem("text", value, MaxTextLength) is null;

    [GeneratedRegex("^[A-Z0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex MarketplaceId();
}
