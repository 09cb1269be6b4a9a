using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Jobs;
using InventoryMapping.Lifecycle;
using InventoryMapping.Listings;
using InventoryMapping.Locations;
using Microsoft.AspNetCore.Routing;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// The form of each id a route carries, by its route parameter's name. A malformed id is a 400 naming the parameter
/// (it can never name anything, so "not found" would mislead); a well-formed one that names nothing is the
/// operation's 404.
/// </summary>
public static class RouteIds
{
    private static readonly Dictionary<string, (Func<string, bool> IsValid, string Rule)> s_rules = new(StringComparer.Ordinal)
    {
        ["channelId"] = (ChannelIds.IsValid, $"channelId is a channel id: {Slug.Rule}."),
        ["locationId"] = (LocationIds.IsValid, $"locationId is a location id: {Slug.Rule}."),
        ["itemId"] = (ItemIds.IsValid, "itemId is 16 lower-case hex digits, as an item's itemId."),
        ["jobId"] = (JobIds.IsValid, "jobId is 32 lower-case hex digits, as a job's jobId."),
        ["requestId"] = (RequestIds.IsValid, "requestId is a report request's requestId: 19 digits and 6 lower-case hex digits."),
        ["listingId"] = (
            id => ListingIds.TryGetSku(id, out _),
            "listingId is the listing's SKU encoded: letters, digits and - . _ stay, every other UTF-8 byte is ~ and two upper-case hex digits (a/b c is a~2Fb~20c), for a SKU of 1-40 characters; every listing carries its listingId."),
    };

    /// <summary>The first malformed id among the route's values, if any.</summary>
    public static DomainError? Problem(RouteValueDictionary routeValues)
    {
        foreach (var (name, value) in routeValues)
        {
            if (s_rules.TryGetValue(name, out var rule) && !(value is string id && rule.IsValid(id)))
            {
                return DomainError.Invalid(name, rule.Rule);
            }
        }

        return null;
    }
}
