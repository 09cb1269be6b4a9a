using InventoryMapping.LocalHost.Invocation;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.LocalHost.Http;

/// <summary>An HTTP request as trigger input: the request itself, then route values, then query values by name.</summary>
internal sealed class HttpTriggerInput(HttpContext context) : TriggerInput
{
    public static bool CanBind(Type parameterType) => parameterType == typeof(HttpRequest);

    public override HttpContext? HttpContext => context;

    public override ValueTask<object?> GetTriggerValueAsync(Type parameterType, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(context.Request);

    public override bool TryGetBindingData(string name, out object? value)
    {
        if (context.Request.RouteValues.TryGetValue(name, out value) && value is not null)
        {
            return true;
        }

        if (context.Request.Query.TryGetValue(name, out var query))
        {
            value = query.ToString();
            return true;
        }

        value = null;
        return false;
    }
}
