namespace InventoryMapping.Functions.Http;

/// <summary>A request body went beyond what the operation reads (see <see cref="BoundedBodyStream"/>).</summary>
public sealed class BodyTooLargeException(long limit) : Exception($"The body is larger than {limit} bytes.")
{
    public long Limit => limit;
}
