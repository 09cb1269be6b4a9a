using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using InventoryMapping.LocalHost.Invocation;

namespace InventoryMapping.LocalHost.Blobs;

/// <summary>
/// A blob as trigger input: <see cref="Stream"/> (read lazily), <see cref="BlobClient"/>, <see cref="BlockBlobClient"/>,
/// <see cref="BlobContainerClient"/>, or the content as string, bytes or a JSON POCO; binding data are the path's
/// parameters, BlobTrigger (container/name) and Uri.
/// </summary>
internal sealed class BlobTriggerInput(BlobContainerClient container, string blobName, IReadOnlyDictionary<string, string> pathValues)
    : TriggerInput
{
    private readonly List<IDisposable> _owned = [];

    public static bool CanBind(Type parameterType) =>
        parameterType == typeof(Stream)
        || parameterType.IsAssignableFrom(typeof(BlobClient))
        || parameterType == typeof(BlockBlobClient)
        || parameterType == typeof(BlobContainerClient)
        || PayloadConverter.CanConvert(parameterType);

    public override async ValueTask<object?> GetTriggerValueAsync(Type parameterType, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(blobName);
        if (parameterType == typeof(Stream))
        {
            var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            _owned.Add(stream);
            return stream;
        }

        if (parameterType.IsAssignableFrom(typeof(BlobClient)))
        {
            return blob;
        }

        if (parameterType == typeof(BlockBlobClient))
        {
            return container.GetBlockBlobClient(blobName);
        }

        if (parameterType == typeof(BlobContainerClient))
        {
            return container;
        }

        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        PayloadConverter.TryConvert(content.ToMemory(), parameterType, out var value);
        return value;
    }

    public override bool TryGetBindingData(string name, out object? value)
    {
        if (pathValues.TryGetValue(name, out var text))
        {
            value = text;
            return true;
        }

        value = name.ToUpperInvariant() switch
        {
            "BLOBTRIGGER" => $"{container.Name}/{blobName}",
            "URI" => container.GetBlobClient(blobName).Uri,
            _ => null,
        };
        return value is not null;
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
