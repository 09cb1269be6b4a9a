using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace InventoryMapping.LocalHost.Http;

/// <summary>
/// Writes what an HTTP function returned, as the worker's ASP.NET Core integration does: <see cref="IResult"/>
/// executed on the HttpContext, <see cref="IActionResult"/> through an ActionContext, a multi-output object's
/// <c>[HttpResult]</c> property; other values as text or JSON.
/// </summary>
internal static class HttpResultWriter
{
    public static async Task WriteAsync(HttpContext context, object? result)
    {
        switch (result)
        {
            case null:
                return;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                return;
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                return;
            case string text:
                context.Response.ContentType ??= "text/plain; charset=utf-8";
                await context.Response.WriteAsync(text, context.RequestAborted);
                return;
        }

        if (FindHttpResultProperty(result.GetType()) is { } property)
        {
            await WriteAsync(context, property.GetValue(result));
            return;
        }

        await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted);
    }

    private static PropertyInfo? FindHttpResultProperty(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttributes(inherit: true).Any(a => a.GetType().Name == "HttpResultAttribute"));
}
