using System.Security.Cryptography;
using System.Text;
using InventoryMapping.LocalHost.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Http;

/// <summary>Maps every HTTP-triggered function to an endpoint with its metadata's route, methods and auth level.</summary>
internal static class HttpFunctionEndpoints
{
    public const string TriggerType = "httpTrigger";
    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionInvoker> functions, string routePrefix, string? functionKey, ILogger logger)
    {
        foreach (var function in functions)
        {
            var trigger = function.Metadata.Trigger!;
            var route = trigger.GetString("route");
            var pattern = "/" + string.Join('/', new[] { routePrefix, string.IsNullOrWhiteSpace(route) ? function.Name : route.Trim('/') }
                .Where(part => part.Length > 0));
            var methods = trigger.GetStrings("methods").Select(m => m.ToUpperInvariant()).ToArray();
            var requiresKey = !string.IsNullOrEmpty(functionKey)
                && !string.Equals(trigger.GetString("authLevel"), "anonymous", StringComparison.OrdinalIgnoreCase);

            RequestDelegate handler = context => HandleAsync(context, function, requiresKey ? functionKey : null, logger);
            var endpoint = methods.Length == 0 ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, methods, handler);
            endpoint.WithDisplayName(function.Name);
            logger.LogInformation("{Function}: [{Methods}] {Pattern}", function.Name, methods.Length == 0 ? "ANY" : string.Join(',', methods), pattern);
        }
    }

    private static async Task HandleAsync(HttpContext context, FunctionInvoker function, string? requiredKey, ILogger logger)
    {
        if (requiredKey is not null && !HasKey(context.Request, requiredKey))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        object? result;
        await using (var input = new HttpTriggerInput(context))
        {
            try
            {
                result = await function.InvokeAsync(context.RequestServices, input, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Function '{Function}' failed", function.Name);
                if (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                }

                return;
            }
        }

        await HttpResultWriter.WriteAsync(context, result);
    }

    /// <summary>Whether the request carries the key in the x-functions-key header or the code query parameter.</summary>
    public static bool HasKey(HttpRequest request, string requiredKey)
    {
        var given = request.Headers.TryGetValue(KeyHeader, out var header) ? header.ToString() : request.Query[KeyQuery].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(requiredKey));
    }
}
