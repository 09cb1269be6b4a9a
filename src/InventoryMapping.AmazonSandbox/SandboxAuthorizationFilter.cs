namespace InventoryMapping.AmazonSandbox;

/// <summary>Refuses SP-API calls without a valid <c>x-amz-access-token</c> (403, as Amazon does) and remembers whose token it was.</summary>
internal sealed class SandboxAuthorizationFilter(SandboxControl control) : IEndpointFilter
{
    private const string SellerKey = "sandbox.sellerId";

    public static string SellerOf(HttpContext http) => (string)http.Items[SellerKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (sellerId, refusal) = control.SellerOfAccessToken(http.Request.Headers["x-amz-access-token"].ToString());
        if (sellerId is null)
        {
            return SandboxResults.Errors(StatusCodes.Status403Forbidden, "Unauthorized", "Access to requested resource is denied.", refusal ?? "");
        }

        http.Items[SellerKey] = sellerId;
        return await next(context);
    }
}
