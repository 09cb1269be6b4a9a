using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Storage;

/// <summary>
/// Read-only SAS links to blobs, valid for <see cref="DownloadLinkOptions.Lifetime"/>. With an account key (a
/// connection string: Azurite, local runs) the SAS is signed with the key; with a token credential (the managed
/// identity in Azure, where shared keys are off) it is a user delegation SAS, signed with a user delegation key
/// that is fetched once and reused while it outlives the links made with it.
/// </summary>
public sealed class DownloadLinks(TimeProvider clock, IOptions<DownloadLinkOptions> options)
{
    /// <summary>A user delegation key is asked for this much longer than a link lives, so one key serves many links.</summary>
    private static readonly TimeSpan s_keyMargin = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<(Uri Url, DateTimeOffset ExpiresOn)> CreateAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var expiresOn = clock.GetUtcNow() + options.Value.Lifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
        };
        if (blob.CanGenerateSasUri)
        {
            return (blob.GenerateSasUri(sas), expiresOn);
        }

        var key = await KeyAsync(blob.GetParentBlobContainerClient().GetParentBlobServiceClient(), expiresOn, cancellationToken);
        return (blob.GenerateUserDelegationSasUri(sas, key), expiresOn);
    }

    private async Task<UserDelegationKey> KeyAsync(BlobServiceClient service, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await _keyLock.WaitAsync(cancellationToken);
        try
        {
            if (_key is null || _key.SignedExpiresOn < until)
            {
                // Started a little in the past against clock skew; at most 7 days, the service's limit.
                var now = clock.GetUtcNow();
                var keyUntil = until + s_keyMargin < now.AddDays(7) ? until + s_keyMargin : now.AddDays(7);
                _key = (await service.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(keyUntil) { StartsOn = now.AddMinutes(-5) }, cancellationToken)).Value;
            }

            return _key;
        }
        finally
        {
            _keyLock.Release();
        }
    }
}
