using System.Text.Json.Serialization;

namespace InventoryMapping.SpApi;

/// <summary>The model's <c>processingStatus</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportProcessingStatus>))]
public enum ReportProcessingStatus
{
    [JsonStringEnumMemberName("IN_QUEUE")]
    InQueue,

    [JsonStringEnumMemberName("IN_PROGRESS")]
    InProgress,

    [JsonStringEnumMemberName("DONE")]
    Done,

    /// <summary>Cancelled by request, or by Amazon when there is no data to return.</summary>
    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,

    [JsonStringEnumMemberName("FATAL")]
    Fatal,
}
