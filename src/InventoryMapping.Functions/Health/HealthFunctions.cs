using InventoryMapping.Functions.Http;
using InventoryMapping.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace InventoryMapping.Functions.Health;

/// <summary>For the platform's health check (App Service health check, load balancers): anonymous, tells nothing secret.</summary>
public sealed class HealthFunctions(AppHealth health)
{
    [Function("GetHealth")]
    public async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>, ProblemHttpResult>> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (QueryValues.UnknownProblem(request, []) is { } unknown)
        {
            return Problems.From(unknown);
        }

        var report = await health.CheckAsync(cancellationToken);
        return report.IsHealthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
