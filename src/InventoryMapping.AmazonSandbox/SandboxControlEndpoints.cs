namespace InventoryMapping.AmazonSandbox;

/// <summary>The control API under <c>/_sandbox</c>: the HTTP face of <see cref="SandboxControl"/>, for runs outside the test process.</summary>
public static class SandboxControlEndpoints
{
    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_sandbox");
        control.MapPost("/faults", (SandboxFault fault, SandboxControl sandbox) =>
        {
            sandbox.AddFault(fault);
            return TypedResults.NoContent();
        });
        control.MapDelete("/faults", (SandboxControl sandbox) =>
        {
            sandbox.ClearFaults();
            return TypedResults.NoContent();
        });
        control.MapPut("/report-outcome", (OutcomeRequest request, SandboxControl sandbox) =>
        {
            sandbox.ReportOutcome = request.Outcome;
            return TypedResults.NoContent();
        });
        control.MapPut("/marketplaces/{marketplaceId}/report-outcome", (string marketplaceId, OutcomeRequest request, SandboxControl sandbox) =>
        {
            sandbox.SetReportOutcome(marketplaceId, request.Outcome);
            return TypedResults.NoContent();
        });
        control.MapPut("/sellers/{sellerId}/marketplaces/{marketplaceId}/listings", (string sellerId, string marketplaceId, SandboxListing[] listings, SandboxControl sandbox) =>
        {
            sandbox.ReplaceCatalogue(sellerId, marketplaceId, SandboxCatalogue.Of(listings));
            return TypedResults.NoContent();
        });
        control.MapGet("/create-report-calls", (SandboxControl sandbox) => TypedResults.Ok(sandbox.CreateReportCalls));
        control.MapPut("/document-format", (SandboxDocumentFormat format, SandboxControl sandbox) =>
        {
            sandbox.DocumentFormat = format;
            return TypedResults.NoContent();
        });
        control.MapPost("/sellers", (SellerRequest seller, SandboxControl sandbox) =>
        {
            sandbox.AddSeller(seller.SellerId, seller.RefreshToken);
            return TypedResults.NoContent();
        });
        control.MapPut("/sellers/{sellerId}/listings", (string sellerId, SandboxListing[] listings, SandboxControl sandbox) =>
        {
            sandbox.ReplaceCatalogue(sellerId, SandboxCatalogue.Of(listings));
            return TypedResults.NoContent();
        });
        control.MapGet("/sellers/{sellerId}/listings", (string sellerId, int? skip, int? take, SandboxControl sandbox) =>
            TypedResults.Ok(sandbox.Catalogue(sellerId).Listings().Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 100, 1, 1000)).ToList()));
        control.MapPost("/sellers/{sellerId}/listings/generate", (string sellerId, int count, int? seed, SandboxControl sandbox) =>
        {
            sandbox.ReplaceCatalogue(sellerId, SandboxCatalogue.Generated(count, seed ?? sandbox.Options.GeneratorSeed));
            return TypedResults.NoContent();
        });
        control.MapPost("/revoke-access-tokens", (SandboxControl sandbox) =>
        {
            sandbox.RevokeAccessTokens();
            return TypedResults.NoContent();
        });
        control.MapGet("/requests", (SandboxControl sandbox) => TypedResults.Ok(sandbox.RequestCounts()));
        control.MapPut("/feed-outcome", (OutcomeRequest request, SandboxControl sandbox) =>
        {
            sandbox.FeedOutcome = request.Outcome;
            return TypedResults.NoContent();
        });
        control.MapGet("/sellers/{sellerId}/received", (string sellerId, SandboxControl sandbox) => TypedResults.Ok(sandbox.Received(sellerId)));
        control.MapGet("/sellers/{sellerId}/quantities", (string sellerId, SandboxControl sandbox) => TypedResults.Ok(sandbox.Quantities(sellerId)));
        control.MapPost("/sellers/{sellerId}/drain-rate-limits", (string sellerId, SandboxControl sandbox, SandboxRateLimitFilter.Buckets buckets) =>
        {
            SandboxRateLimitFilter.Drain(sandbox, buckets, sellerId);
            return TypedResults.NoContent();
        });
        return app;
    }

    private sealed record OutcomeRequest(SandboxReportOutcome Outcome);

    private sealed record SellerRequest(string SellerId, string RefreshToken);
}
