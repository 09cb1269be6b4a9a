using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Amazon's side of stock updates: Feeds API 2021-06-30, the pre-signed feed upload and result download, and Listings Items patchListingsItem.</summary>
internal static class SandboxFeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedsAndListings(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds/2021-06-30")
            .AddEndpointFilter<SandboxFaultFilter>()
            .AddEndpointFilter<SandboxAuthorizationFilter>()
            .AddEndpointFilter<SandboxRateLimitFilter>();
        feeds.MapPost("/documents", CreateFeedDocumentAsync).WithName("createFeedDocument");
        feeds.MapPost("/feeds", CreateFeedAsync).WithName("createFeed");
        feeds.MapGet("/feeds", GetFeeds).WithName("getFeeds");
        feeds.MapGet("/feeds/{feedId}", GetFeed).WithName("getFeed");
        feeds.MapDelete("/feeds/{feedId}", CancelFeed).WithName("cancelFeed");
        feeds.MapGet("/documents/{feedDocumentId}", GetFeedDocument).WithName("getFeedDocument");

        app.MapPut("/_feed-documents/{documentId}", UploadAsync).WithName("uploadFeedDocument").AddEndpointFilter<SandboxFaultFilter>();
        app.MapGet("/_feed-results/{documentId}", DownloadResult).WithName("downloadFeedResult").AddEndpointFilter<SandboxFaultFilter>();

        app.MapMethods("/listings/2021-08-01/items/{sellerId}/{sku}", ["PATCH"], PatchListingsItemAsync)
            .WithName("patchListingsItem")
            .AddEndpointFilter<SandboxFaultFilter>()
            .AddEndpointFilter<SandboxAuthorizationFilter>()
            .AddEndpointFilter<SandboxRateLimitFilter>();
        return app;
    }

    private static async Task<IResult> CreateFeedDocumentAsync(HttpContext http, SandboxControl control)
    {
        var body = await ReadJsonAsync(http);
        if (body?["contentType"] is not JsonValue value || !value.TryGetValue<string>(out var contentType) || contentType.Length == 0)
        {
            return SandboxResults.Errors(400, "InvalidInput", "contentType is required.");
        }

        var document = control.CreateFeedDocument(SandboxAuthorizationFilter.SellerOf(http), contentType);
        var url = $"{http.Request.Scheme}://{http.Request.Host}/_feed-documents/{Uri.EscapeDataString(document.DocumentId)}?{Signature(control, document.DocumentId)}";
        return TypedResults.Json(new { feedDocumentId = document.DocumentId, url }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The pre-signed upload: signed over the Content-Type asked for, so any other one is refused as S3 refuses it.</summary>
    private static async Task<IResult> UploadAsync(string documentId, HttpContext http, SandboxControl control)
    {
        var (valid, expired) = control.RedeemFeedToken(documentId, http.Request.Query["X-Amz-Signature"].FirstOrDefault());
        if (!valid || control.FindFeedDocument(documentId) is not { } document)
        {
            return expired
                ? SandboxResults.S3(403, "AccessDenied", "Request has expired")
                : SandboxResults.S3(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        if (http.Request.Headers.ContentType.ToString() != document.ContentType)
        {
            return SandboxResults.S3(403, "SignatureDoesNotMatch", $"The request signature we calculated does not match the signature you provided (Content-Type must be '{document.ContentType}').");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        document.Content = buffer.ToArray();
        return TypedResults.Ok();
    }

    private static async Task<IResult> CreateFeedAsync(HttpContext http, SandboxControl control, SandboxRateLimitFilter.Buckets buckets)
    {
        var body = await ReadJsonAsync(http);
        var feedType = body?["feedType"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null;
        var documentId = body?["inputFeedDocumentId"] is JsonValue d && d.TryGetValue<string>(out var id) ? id : null;
        var marketplaceIds = (body?["marketplaceIds"] as JsonArray)?.Select(m => m is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        if (string.IsNullOrEmpty(feedType) || string.IsNullOrEmpty(documentId))
        {
            return SandboxResults.Errors(400, "InvalidInput", "feedType and inputFeedDocumentId are required.");
        }

        if (marketplaceIds is not { Count: >= 1 and <= 25 } || marketplaceIds.Any(string.IsNullOrEmpty))
        {
            return SandboxResults.Errors(400, "InvalidInput", "marketplaceIds must contain between 1 and 25 marketplace identifiers.");
        }

        var sellerId = SandboxAuthorizationFilter.SellerOf(http);
        if (control.FindFeedDocument(documentId) is not { } document || document.SellerId != sellerId || document.Content is null)
        {
            return SandboxResults.Errors(400, "InvalidInput", $"Feed document {documentId} does not exist or was never uploaded.");
        }

        if (feedType == "JSON_LISTINGS_FEED" && !SandboxRateLimitFilter.TryTakeFeedSubmission(control, buckets, sellerId))
        {
            return SandboxResults.Errors(StatusCodes.Status429TooManyRequests, "QuotaExceeded", "You exceeded your quota for the requested resource.");
        }

        var feed = control.CreateFeed(sellerId, feedType, marketplaceIds!, document);
        return SandboxFaultFilter.PlayedBy(http) == SandboxFaultKind.CreatedThenInternalError
            ? SandboxResults.Errors(StatusCodes.Status500InternalServerError, "InternalFailure", "We encountered an internal error. Please try again.")
            : TypedResults.Json(new { feedId = feed.FeedId }, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult GetFeeds(HttpContext http, SandboxControl control)
    {
        var query = http.Request.Query;
        var types = query["feedTypes"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (types.Count is 0 or > 10)
        {
            return SandboxResults.Errors(400, "InvalidInput", "feedTypes must contain between 1 and 10 feed types.");
        }

        var now = control.Clock.GetUtcNow();
        var since = DateTimeOffset.TryParse(query["createdSince"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : now.AddDays(-90);
        var feeds = control.FeedsOf(SandboxAuthorizationFilter.SellerOf(http)).Where(f => types.Contains(f.FeedType) && f.CreatedTime >= since).Take(100);
        return TypedResults.Json(new { feeds = feeds.Select(f => Json(f, control)).ToList() });
    }

    private static IResult GetFeed(string feedId, HttpContext http, SandboxControl control) =>
        control.FindFeed(SandboxAuthorizationFilter.SellerOf(http), feedId) is { } feed
            ? TypedResults.Json(Json(feed, control))
            : SandboxResults.Errors(404, "NotFound", $"Feed {feedId} not found.");

    private static IResult CancelFeed(string feedId, HttpContext http, SandboxControl control)
    {
        if (control.FindFeed(SandboxAuthorizationFilter.SellerOf(http), feedId) is not { } feed)
        {
            return SandboxResults.Errors(404, "NotFound", $"Feed {feedId} not found.");
        }

        return feed.TryCancel(control.Clock.GetUtcNow())
            ? TypedResults.Ok()
            : SandboxResults.Errors(400, "InvalidInput", $"Feed {feedId} is {feed.Status(control.Clock.GetUtcNow())}; only IN_QUEUE feeds can be cancelled.");
    }

    private static IResult GetFeedDocument(string feedDocumentId, HttpContext http, SandboxControl control)
    {
        if (control.FeedOfResult(SandboxAuthorizationFilter.SellerOf(http), feedDocumentId) is null)
        {
            return SandboxResults.Errors(404, "NotFound", $"Feed document {feedDocumentId} not found.");
        }

        var url = $"{http.Request.Scheme}://{http.Request.Host}/_feed-results/{Uri.EscapeDataString(feedDocumentId)}?{Signature(control, feedDocumentId)}";
        return TypedResults.Json(new { feedDocumentId, url });
    }

    private static async Task<IResult> DownloadResult(string documentId, HttpContext http, SandboxControl control)
    {
        var (valid, expired) = control.RedeemFeedToken(documentId, http.Request.Query["X-Amz-Signature"].FirstOrDefault());
        if (!valid)
        {
            return expired
                ? SandboxResults.S3(403, "AccessDenied", "Request has expired")
                : SandboxResults.S3(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        var feed = control.FeedsOfAnySeller().First(f => f.Result?.DocumentId == documentId);
        http.Response.ContentType = "application/json; charset=UTF-8";
        await http.Response.WriteAsync(feed.Result!.Value.Json, http.RequestAborted);
        return Results.Empty;
    }

    private static async Task<IResult> PatchListingsItemAsync(string sellerId, string sku, HttpContext http, SandboxControl control)
    {
        if (SandboxAuthorizationFilter.SellerOf(http) != sellerId)
        {
            return SandboxResults.Errors(403, "Unauthorized", "Access to requested resource is denied.");
        }

        if (string.IsNullOrEmpty(http.Request.Query["marketplaceIds"]))
        {
            return SandboxResults.Errors(400, "InvalidInput", "marketplaceIds is required.");
        }

        var body = await ReadJsonAsync(http);
        if (body?["productType"] is null || body["patches"] is not JsonArray { Count: > 0 })
        {
            return SandboxResults.Errors(400, "InvalidInput", "productType and patches are required.");
        }

        var submissionId = Guid.NewGuid().ToString("N");
        if (SandboxFeedProcessor.Check(body, sku, control.Catalogue(sellerId), out var quantity) is { } problem)
        {
            return TypedResults.Json(new
            {
                sku,
                status = "INVALID",
                submissionId,
                issues = new[] { new { code = problem.Code, message = problem.Message, severity = "ERROR", attributeNames = new[] { "fulfillment_availability" }, categories = Array.Empty<string>() } },
            });
        }

        control.Receive(sellerId, new SandboxReceivedQuantity(sku, quantity, "patch", submissionId, control.Clock.GetUtcNow()));
        return TypedResults.Json(new { sku, status = "ACCEPTED", submissionId, issues = Array.Empty<object>() });
    }

    /// <summary>The model's <c>Feed</c>; a feed first seen DONE is processed then, once.</summary>
    private static object Json(SandboxFeed feed, SandboxControl control)
    {
        var now = control.Clock.GetUtcNow();
        if (feed.Status(now) == "DONE")
        {
            feed.Process(f => SandboxFeedProcessor.Process(f, control));
        }

        return feed.ToJson(now);
    }

    private static string Signature(SandboxControl control, string documentId) =>
        $"X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date={control.Clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}" +
        $"&X-Amz-Expires={(int)control.Options.DocumentUrlLifetime.TotalSeconds}&X-Amz-Signature={control.IssueFeedToken(documentId)}";

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
