using System.Text.Json;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;

namespace InventoryMapping.Core.Tests.Jobs;

public sealed class JobDocumentTests
{
    [Fact]
    public void A_job_message_from_a_newer_writer_with_fields_this_runner_does_not_know_is_read()
    {
        var message = JsonSerializer.Deserialize<JobMessage>("""{"JOBID":"abc","leaseId":"l1","priority":3,"extra":{"a":1}}""", JobDocument.Options);

        Assert.Equal(new JobMessage("abc", "l1"), message);
    }

    [Fact]
    public void Parameters_are_stored_as_a_versioned_document_and_read_back_typed()
    {
        var json = JobDocument.Write(new LinkAllBySkuParameters(SkuMatchMode.Normalized));

        Assert.Equal("""{"match":"Normalized","version":1}""", json);
        Assert.Equal(SkuMatchMode.Normalized, JobDocument.Read(json, new LinkAllBySkuParameters(SkuMatchMode.Exact)).Match);
    }

    [Fact]
    public void A_result_stores_its_counters_and_shows_every_one_zeros_included()
    {
        var result = JobDocument.Read(JobDocument.Write(new LinkAllBySkuResult(3, 0, 1, 0).Plus(new LinkAllBySkuResult(1, 0, 0, 0))), LinkAllBySkuResult.Zero);

        Assert.Equal(new Dictionary<string, long> { ["linked"] = 4, ["noMatch"] = 0, ["ambiguous"] = 1, ["changedMeanwhile"] = 0 }, result.Counters());
    }
}
