using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// Refuses an HTTP request whose route carries a malformed id (<see cref="RouteIds"/>) before its function runs, for
/// every route at once, present and future: 400 problem details naming the route parameter.
/// </summary>
public sealed class RouteIdMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && RouteIds.Problem(http.Request.RouteValues) is { } malformed)
        {
            await Problems.From(malformed).ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
