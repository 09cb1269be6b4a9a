using System.Text.Json;
using InventoryMapping.LocalHost.Http;
using InventoryMapping.LocalHost.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InventoryMapping.LocalHost.Admin;

/// <summary>
/// The Functions host's way to run a non-HTTP function by hand: <c>POST /admin/functions/{name}</c> with
/// <c>{"input": "..."}</c> answers 202 and runs it in the background (a timer now, a queue function with the input as
/// the message, a blob function with the input as "container/name"). Needs the function key when one is set.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    public static void Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string? functionKey) =>
        endpoints.MapPost("/admin/functions/{name}", (HttpContext context, string name) => InvokeAsync(context, name, catalog, functionKey));

    private static async Task<IResult> InvokeAsync(HttpContext context, string name, FunctionCatalog catalog, string? functionKey)
    {
        if (!string.IsNullOrEmpty(functionKey) && !HttpFunctionEndpoints.HasKey(context.Request, functionKey))
        {
            return Results.Unauthorized();
        }

        var function = catalog.Runnable.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such function", detail: $"The host runs no function '{name}'.");
        }

        var services = context.RequestServices;
        var listener = services.GetServices<ITriggerListener>()
            .FirstOrDefault(l => string.Equals(l.TriggerType, function.Metadata.Trigger?.Type, StringComparison.OrdinalIgnoreCase));
        if (listener is null)
        {
            return Invalid("name", $"'{function.Name}' is an HTTP function: call its route.");
        }

        string? input = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            if (context.Request.ContentLength is > MaxBodyBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body has at most {MaxBodyBytes} bytes.");
            }

            // However the body is framed, read at most one byte more than the limit.
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while (limited.Length <= MaxBodyBytes
                && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MaxBodyBytes + 1 - limited.Length)), context.RequestAborted)) > 0)
            {
                limited.Write(buffer, 0, read);
            }

            if (limited.Length > MaxBodyBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body has at most {MaxBodyBytes} bytes.");
            }

            try
            {
                using var body = JsonDocument.Parse(limited.ToArray());
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("input", out var value))
                {
                    input = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                }
            }
            catch (JsonException)
            {
                return Invalid("body", "The body is not valid JSON; send {\"input\": \"...\"} or no body.");
            }
        }

        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(() => listener.InvokeNowAsync(function, input, stopping), CancellationToken.None);
        return Results.Accepted();
    }

    private static IResult Invalid(string field, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid request",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
