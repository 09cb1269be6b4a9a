using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryMapping.AmazonSandbox;

/// <summary>
/// Applies a JSON_LISTINGS_FEED of quantity patches as Amazon would and writes its JSON processing report: each message
/// is checked on its own (unknown SKU, a quantity that is not a whole number from 0, a patch of something else), the
/// valid ones are recorded as received, the others get an ERROR issue naming their messageId.
/// </summary>
internal static class SandboxFeedProcessor
{
    public static string Process(SandboxFeed feed, SandboxControl control)
    {
        var issues = new JsonArray();
        var processed = 0;
        var accepted = 0;
        JsonNode? document = null;
        try
        {
            document = JsonNode.Parse(feed.Input.Content ?? []);
        }
        catch (JsonException)
        {
        }

        var messages = document?["messages"] as JsonArray;
        if (document?["header"]?["sellerId"]?.GetValue<string>() != feed.SellerId || messages is null || messages.Count is 0 or > 25_000)
        {
            issues.Add(Issue(0, null, "4000000", "The feed document is not a JSON_LISTINGS_FEED of this seller with 1 to 25,000 messages."));
        }
        else
        {
            var catalogue = control.Catalogue(feed.SellerId);
            foreach (var message in messages)
            {
                processed++;
                var messageId = message?["messageId"] is JsonValue id && id.TryGetValue<int>(out var n) ? n : 0;
                var sku = message?["sku"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
                if (Check(message, sku, catalogue, out var quantity) is { } problem)
                {
                    issues.Add(Issue(messageId, sku, problem.Code, problem.Message));
                    continue;
                }

                accepted++;
                control.Receive(feed.SellerId, new SandboxReceivedQuantity(sku!, quantity, "feed", feed.FeedId, control.Clock.GetUtcNow()));
            }
        }

        var report = new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = feed.SellerId, ["version"] = "2.0", ["feedId"] = feed.FeedId },
            ["issues"] = issues,
            ["summary"] = new JsonObject
            {
                ["errors"] = issues.Count,
                ["warnings"] = 0,
                ["messagesProcessed"] = processed,
                ["messagesAccepted"] = accepted,
                ["messagesInvalid"] = processed - accepted,
            },
        };
        return report.ToJsonString();
    }

    /// <summary>The problem with one quantity message (patchListingsItem's body checks the same way), or null.</summary>
    internal static (string Code, string Message)? Check(JsonNode? message, string? sku, SandboxCatalogue catalogue, out int quantity)
    {
        quantity = 0;
        if (sku is null || !catalogue.Contains(sku))
        {
            return ("8541", $"The SKU '{sku}' does not match any listing of this seller.");
        }

        var patch = (message?["patches"] as JsonArray)?.FirstOrDefault();
        if (patch?["path"]?.GetValue<string>() != "/attributes/fulfillment_availability" || (patch["op"]?.GetValue<string>() is not ("replace" or "merge")))
        {
            return ("4000001", "Only replace or merge of /attributes/fulfillment_availability is supported by the sandbox.");
        }

        var value = (patch["value"] as JsonArray)?.FirstOrDefault();
        if (value?["fulfillment_channel_code"]?.GetValue<string>() != "DEFAULT")
        {
            return ("4000002", "fulfillment_channel_code must be DEFAULT (merchant-fulfilled).");
        }

        if (value["quantity"] is not JsonValue q || !q.TryGetValue<int>(out quantity) || quantity < 0)
        {
            return ("4000003", "The value of 'quantity' must be a whole number, 0 or more.");
        }

        return null;
    }

    private static JsonObject Issue(int messageId, string? sku, string code, string message) => new()
    {
        ["messageId"] = messageId,
        ["sku"] = sku,
        ["code"] = code,
        ["severity"] = "ERROR",
        ["message"] = message,
        ["attributeName"] = "fulfillment_availability",
    };
}
