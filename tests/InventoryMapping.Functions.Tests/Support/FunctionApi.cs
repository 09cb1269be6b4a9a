using System.Text;
using System.Text.Json;
using InventoryMapping.Functions.Channels;
using InventoryMapping.Functions.Http;
using InventoryMapping.Functions.Inventory;
using InventoryMapping.Functions.Jobs;
using InventoryMapping.Functions.Listings;
using InventoryMapping.Functions.Locations;
using InventoryMapping.Functions.Mapping;
using InventoryMapping.Jobs;
using InventoryMapping.Storage;
using InventoryMapping.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>
/// Calls the function classes as the worker does: a new instance per call from DI, an ASP.NET HttpRequest in, the
/// returned (typed) IResult executed against the HttpContext, the response read back. The app services need the
/// API's HTTP registrations (<see cref="FunctionsApp.AddHttpApi"/>), as the worker has them.
/// </summary>
public sealed class FunctionApi(TestServices app)
{
    public TestServices App => app;

    public Task<ApiResponse> CallAsync<TFunctions>(
        Func<TFunctions, HttpRequest, Task> function, string method, object? body = null, string? query = null, string? ifMatch = null)
        where TFunctions : class =>
        CallRawAsync(function, method, body is null ? null : JsonSerializer.Serialize(body, ApiJson.Options), query, ifMatch);

    public async Task<ApiResponse> CallRawAsync<TFunctions>(
        Func<TFunctions, HttpRequest, Task> function, string method, string? rawBody, string? query = null, string? ifMatch = null)
        where TFunctions : class
    {
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString("?" + query);
        if (rawBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(rawBody);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        var instance = ActivatorUtilities.CreateInstance<TFunctions>(scope.ServiceProvider);
        var call = function(instance, context.Request);
        await call;
        var result = (IResult)call.GetType().GetProperty(nameof(Task<IResult>.Result))!.GetValue(call)!;
        await result.ExecuteAsync(context);
        return new ApiResponse(
            context.Response.StatusCode,
            context.Response.ContentType ?? "",
            Encoding.UTF8.GetString(responseBody.ToArray()),
            context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
    }

    public Task<ApiResponse> PutChannelAsync(string channelId, object? body = null) =>
        CallAsync<ChannelFunctions>((f, r) => f.Put(r, channelId, default), "PUT", body ?? new
        {
            accountId = "A1SELLER",
            accountName = "Test account",
            region = "EU",
            marketplaceIds = new[] { "A1F83G8C2ARO7P" },
        });

    public Task<ApiResponse> SummaryAsync(string channelId) =>
        CallAsync<ChannelFunctions>((f, r) => f.Summary(r, channelId, default), "GET");

    public Task<ApiResponse> PutListingAsync(string channelId, object body) =>
        CallAsync<ListingFunctions>((f, r) => f.Put(r, channelId, default), "POST", body);

    public Task<ApiResponse> GetListingAsync(string channelId, string listingId) =>
        CallAsync<ListingFunctions>((f, r) => f.Get(r, channelId, listingId, default), "GET");

    public Task<ApiResponse> ListingsAsync(string channelId, string? query = null) =>
        CallAsync<ListingFunctions>((f, r) => f.Query(r, channelId, default), "GET", query: query);

    public Task<ApiResponse> LinkAsync(string channelId, string listingId, object body, string? ifMatch = null) =>
        CallAsync<LinkFunctions>((f, r) => f.Link(r, channelId, listingId, default), "PUT", body, ifMatch: ifMatch);

    public Task<ApiResponse> UnlinkAsync(string channelId, string listingId, string? ifMatch = null) =>
        CallAsync<LinkFunctions>((f, r) => f.Unlink(r, channelId, listingId, default), "DELETE", ifMatch: ifMatch);

    public Task<ApiResponse> CreateItemFromListingAsync(string channelId, string listingId) =>
        CallAsync<LinkFunctions>((f, r) => f.CreateItem(r, channelId, listingId, default), "POST");

    public Task<ApiResponse> CreateItemAsync(object body) =>
        CallAsync<InventoryFunctions>((f, r) => f.Create(r, default), "POST", body);

    public Task<ApiResponse> GetItemAsync(string itemId) =>
        CallAsync<InventoryFunctions>((f, r) => f.Get(r, itemId, default), "GET");

    public Task<ApiResponse> DeleteItemAsync(string itemId, string? ifMatch = null) =>
        CallAsync<InventoryFunctions>((f, r) => f.Delete(r, itemId, default), "DELETE", ifMatch: ifMatch);

    public Task<ApiResponse> SearchAsync(string query) =>
        CallAsync<InventoryFunctions>((f, r) => f.Search(r, default), "GET", query: query);

    public Task<ApiResponse> StartLinkAllAsync(string channelId, string? query = null) =>
        CallAsync<JobFunctions>((f, r) => f.LinkAll(r, channelId, default), "POST", query: query);

    public Task<ApiResponse> StartCreateAllAsync(string channelId, string? query = null) =>
        CallAsync<JobFunctions>((f, r) => f.CreateAll(r, channelId, default), "POST", query: query);

    public Task<ApiResponse> GetJobAsync(string jobId) =>
        CallAsync<JobFunctions>((f, r) => f.Get(r, jobId, default), "GET");

    public Task<ApiResponse> GetJobReportedAsync(string jobId, string? continuationToken = null) =>
        CallAsync<JobFunctions>(
            (f, r) => f.GetReported(r, jobId, default), "GET", query: continuationToken is null ? null : "continuationToken=" + Uri.EscapeDataString(continuationToken));

    public Task<ApiResponse> PutLocationAsync(string locationId, object body) =>
        CallAsync<LocationFunctions>((f, r) => f.Put(r, locationId, default), "PUT", body);

    /// <summary>Delivers every message on the jobs queue to the RunJob function, as the queue trigger would, until it is empty.</summary>
    public async Task DrainJobQueueAsync(TimeSpan timeout)
    {
        var queue = app.Get<AppStorage>().JobQueue;
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var messages = await queue.ReceiveMessagesAsync(maxMessages: 32, cancellationToken: deadline.Token);
            if (messages.Value.Length == 0)
            {
                // Messages still invisible are due later: a job whose lease held re-checks it then, and each
                // holding of a lease has a watch message due at its end. Once every job is finished they change nothing.
                var properties = await queue.GetPropertiesAsync(deadline.Token);
                if (properties.Value.ApproximateMessagesCount == 0 || await AllJobsFinishedAsync(deadline.Token))
                {
                    return;
                }

                await Task.Yield();
                continue;
            }

            foreach (var message in messages.Value)
            {
                using var scope = app.Services.CreateScope();
                var functions = ActivatorUtilities.CreateInstance<JobFunctions>(scope.ServiceProvider);
                await functions.Run(JsonSerializer.Deserialize<JobMessage>(message.Body.ToString(), JobDocument.Options)!, deadline.Token);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, deadline.Token);
            }
        }
    }

    private async Task<bool> AllJobsFinishedAsync(CancellationToken cancellationToken)
    {
        await foreach (var job in app.Get<AppStorage>().Jobs.QueryAsync<Azure.Data.Tables.TableEntity>("RowKey eq 'job'", select: ["Status"], cancellationToken: cancellationToken))
        {
            if (job.GetString("Status") is not (nameof(JobStatus.Succeeded) or nameof(JobStatus.Failed)))
            {
                return false;
            }
        }

        return true;
    }
}
