using InventoryMapping.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.OpenApi;

/// <summary>
/// Serves docs/openapi.json, embedded in the assembly at build time, so the document a client reads is the one in the
/// repository. It takes the function key like the API it describes.
/// </summary>
public sealed class OpenApiFunctions
{
    private static readonly Lazy<byte[]> s_document = new(ReadDocument);

    [Function("GetOpenApiDocument")]
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request) =>
        Responses.WithoutBodyAsync(request, [], () => Task.FromResult<Result<byte[]>>(s_document.Value), bytes => TypedResults.Bytes(bytes, "application/json"));

    private static byte[] ReadDocument()
    {
        using var stream = typeof(OpenApiFunctions).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in the function assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
