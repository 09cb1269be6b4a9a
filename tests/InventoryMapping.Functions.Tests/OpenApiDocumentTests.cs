using System.Text.Json;
using InventoryMapping.Functions.OpenApi;
using InventoryMapping.Functions.Tests.Support;
using InventoryMapping.Testing;
using Microsoft.OpenApi;

namespace InventoryMapping.Functions.Tests;

/// <summary>
/// docs/openapi.json is the API's contract: a valid OpenAPI 3.1 document (read by Microsoft.OpenApi, the reference
/// .NET reader, with its default rules), describing exactly the HTTP functions the build has, with their auth, and
/// served as it is in the repository. Real answers are checked against it by the over-HTTP tests.
/// </summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    private static readonly Lazy<JsonElement[]> s_functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray().ToArray());

    [Fact]
    public void The_document_reads_without_errors_or_warnings_as_OpenAPI_3_1()
    {
        var settings = new Microsoft.OpenApi.Reader.OpenApiReaderSettings();
        settings.AddJsonReader();

        var (document, diagnostic) = OpenApiDocument.Parse(File.ReadAllText(OpenApiContract.DocumentPath), "json", settings);

        Assert.NotNull(document);
        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public void Every_http_function_is_described_and_nothing_else_is()
    {
        var built = HttpTriggers().Select(t => $"{t.Method} /{t.Route}").Order();
        var described = OpenApiContract.Repository.Operations.Select(o => $"{o.Method} {o.Path}").Order();

        Assert.Equal(built, described);
    }

    [Fact]
    public void Each_operation_is_named_after_its_function_and_anonymous_exactly_when_the_function_is()
    {
        var paths = OpenApiContract.Repository.Document["paths"]!;
        foreach (var trigger in HttpTriggers())
        {
            var operation = paths["/" + trigger.Route]![trigger.Method]!;
            var anonymous = operation["security"] is { } security && security.AsArray().Count == 0;

            Assert.Equal(trigger.Function, operation["operationId"]!.GetValue<string>());
            Assert.True(anonymous == (trigger.AuthLevel == "Anonymous"), $"{trigger.Function}: auth level {trigger.AuthLevel}, described anonymous: {anonymous}");
        }
    }

    [Fact]
    public void Every_path_parameter_is_declared_as_the_route_names_it()
    {
        var paths = OpenApiContract.Repository.Document["paths"]!.AsObject();
        foreach (var (template, item) in paths)
        {
            var inRoute = System.Text.RegularExpressions.Regex.Matches(template, "\\{([^}]+)\\}").Select(m => m.Groups[1].Value).Order();
            var declared = (item!["parameters"]?.AsArray() ?? [])
                .Select(p => p!["$ref"] is { } reference ? paths.Root["components"]!["parameters"]![reference.GetValue<string>().Split('/')[^1]]! : p!)
                .Where(p => p["in"]!.GetValue<string>() == "path")
                .Select(p => p["name"]!.GetValue<string>())
                .Order();

            Assert.True(inRoute.SequenceEqual(declared), $"{template}: route parameters [{string.Join(", ", inRoute)}], declared [{string.Join(", ", declared)}]");
        }
    }

    [Fact]
    public async Task The_served_document_is_the_repository_file()
    {
        var response = await Api.CallAsync<OpenApiFunctions>((f, r) => f.Get(r), "GET");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(File.ReadAllText(OpenApiContract.DocumentPath), response.Body);
    }

    [Theory]
    [InlineData(200, "application/json", "{\"locationId\": \"default\", \"name\": \"My Location\"}", 0)]
    [InlineData(200, "application/json", "{\"locationId\": \"default\"}", 1)]
    [InlineData(200, "application/json", "{\"locationId\": \"default\", \"name\": \"n\", \"extra\": 1}", 1)]
    [InlineData(200, "application/json", "{\"locationId\": \"Not A Slug\", \"name\": \"n\"}", 1)]
    [InlineData(200, "text/plain", "hello", 1)]
    [InlineData(418, "application/json", "{}", 1)]
    [InlineData(404, "application/problem+json", "{\"type\": \"t\", \"title\": \"t\", \"status\": 404, \"detail\": \"d\"}", 0)]
    public void The_conformance_check_refuses_what_the_document_does_not_allow(int status, string contentType, string body, int problems)
    {
        var found = OpenApiContract.Repository.Check("GET", "/api/locations/default", status, contentType, body, _ => true);

        Assert.NotNull(found);
        Assert.True((found.Count > 0) == (problems > 0), string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_conformance_check_wants_the_described_headers_and_ignores_undescribed_routes()
    {
        var item = "{\"itemId\":\"0123456789abcdef\",\"sku\":\"A\",\"title\":\"t\",\"purchasePrice\":0,\"retailPrice\":0,\"description\":\"\",\"weight\":0,\"taxRate\":-1,\"stockLevels\":{},\"createdAt\":\"2026-12-03T10:00:00+00:00\",\"updatedAt\":\"2026-12-03T10:00:00+00:00\",\"eTag\":\"W/\\\"x\\\"\"}";

        Assert.Empty(OpenApiContract.Repository.Check("GET", "/api/inventory/0123456789abcdef", 200, "application/json", item, _ => true)!);
        Assert.Contains("ETag", Assert.Single(OpenApiContract.Repository.Check("GET", "/api/inventory/0123456789abcdef", 200, "application/json", item, _ => false)!));
        Assert.Null(OpenApiContract.Repository.Check("POST", "/admin/functions/RunJob", 202, null, "", _ => true));
        Assert.Null(OpenApiContract.Repository.Check("GET", "/api/nothing-here", 404, null, "", _ => true));
    }

    private static IEnumerable<(string Function, string Method, string Route, string AuthLevel)> HttpTriggers() =>
        from function in s_functions.Value
        from binding in function.GetProperty("bindings").EnumerateArray()
        where binding.GetProperty("type").GetString() == "httpTrigger"
        from method in binding.GetProperty("methods").EnumerateArray()
        select (function.GetProperty("name").GetString()!, method.GetString()!.ToLowerInvariant(), binding.GetProperty("route").GetString()!, binding.GetProperty("authLevel").GetString()!);
}
