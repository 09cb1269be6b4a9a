using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.SampleFunctions;

public sealed class HttpFunctions(RequestScopedCounter scoped)
{
    [Function("Greeting")]
    public IResult Greet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greetings/{name}/{times:int?}")] HttpRequest req, string name, int? times) =>
        TypedResults.Ok(new Greeting(name, times ?? 1));

    [Function("Item")]
    public Task<IActionResult> GetItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", "delete", Route = "items/{id:int}")] HttpRequest req, int id, CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(new OkObjectResult(new ItemView(id, req.Method, scoped.Id)));

    [Function("Thing")]
    public ValueTask<IResult> GetThing([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id:guid}")] HttpRequest req, Guid id) =>
        ValueTask.FromResult<IResult>(TypedResults.Ok(id));

    [Function("Echo")]
    public async Task<IResult> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo")] HttpRequest req, string? suffix)
    {
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync(req.HttpContext.RequestAborted);
        return TypedResults.Text(body + suffix);
    }

    [Function("Ping")]
    public static string Ping([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest req) => "pong";

    [Function("Admin")]
    public IActionResult Admin([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin-only")] HttpRequest req) => new NoContentResult();

    [Function("Context")]
    public IResult Context([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "context")] HttpRequest req, FunctionContext context)
    {
        context.GetLogger<HttpFunctions>().LogInformation("Invocation {Id}", context.InvocationId);
        return TypedResults.Ok(new ContextView(
            context.FunctionDefinition.Name,
            context.InvocationId,
            ReferenceEquals(context.GetHttpContext()?.Request, req),
            context.InstanceServices.GetService(typeof(RequestScopedCounter)) is RequestScopedCounter counter && counter.Id == scoped.Id));
    }

    [Function("Accept")]
    public AcceptOutput Accept([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "accept/{text}")] HttpRequest req, string text) =>
        new() { Response = TypedResults.Accepted($"/api/accepted/{text}", text), Message = text };

    [Function("Fails")]
    public IResult Fails([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fails")] HttpRequest req) =>
        throw new InvalidOperationException("The sample function fails on purpose.");
}

public sealed record Greeting(string Name, int Times);

public sealed record ItemView(int Id, string Method, Guid Scope);

/// <summary>A multi-output result: the HTTP response plus a queue message (which the local host ignores).</summary>
public sealed class AcceptOutput
{
    [HttpResult]
    public required IResult Response { get; init; }

    [QueueOutput("%SampleQueue%-out", Connection = "SampleStorage")]
    public string? Message { get; init; }
}

public sealed record ContextView(string FunctionName, string InvocationId, bool SameRequest, bool SameScope);
