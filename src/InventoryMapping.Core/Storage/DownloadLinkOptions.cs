using Microsoft.Extensions.Options;

namespace InventoryMapping.Storage;

/// <summary>Read-only links to files the app wrote (an export's CSV): how long one stays valid (<c>DownloadLinks:Lifetime</c>).</summary>
public sealed class DownloadLinkOptions
{
    public const string Section = "DownloadLinks";

    /// <summary>How long a link is valid from when it is shown; 1 minute to 7 days (a user delegation key's limit).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    internal sealed class Validator : IValidateOptions<DownloadLinkOptions>
    {
        public ValidateOptionsResult Validate(string? name, DownloadLinkOptions options) =>
            options.Lifetime >= TimeSpan.FromMinutes(1) && options.Lifetime <= TimeSpan.FromDays(7)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:Lifetime must be between 00:01:00 and 7.00:00:00 (it is {options.Lifetime}).");
    }
}
