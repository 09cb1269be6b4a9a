namespace InventoryMapping.AmazonSandbox;

/// <summary>The sandbox's starting state; faults, outcome, document format and catalogues can be changed while it runs.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public string ClientId { get; set; } = "amzn1.application-oa2-client.sandbox";

    public string ClientSecret { get; set; } = "sandbox-client-secret";

    /// <summary>Empty means one default <see cref="SandboxSeller"/>. (A non-empty default would be appended to by configuration binding.)</summary>
    public List<SandboxSeller> Sellers { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a report stays IN_QUEUE.</summary>
    public TimeSpan QueueDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a report stays IN_PROGRESS after that.</summary>
    public TimeSpan ProcessingDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan DocumentUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a feed stays IN_QUEUE.</summary>
    public TimeSpan FeedQueueDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a feed stays IN_PROGRESS after that.</summary>
    public TimeSpan FeedProcessingDelay { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How feeds created from now on end (Done, Fatal, Cancelled, StuckInQueue, StuckInProgress; FatalWithErrorDocument is Fatal).</summary>
    public SandboxReportOutcome FeedOutcome { get; set; } = SandboxReportOutcome.Done;

    public SandboxDocumentFormat DocumentFormat { get; set; } = new();

    public SandboxReportOutcome ReportOutcome { get; set; } = SandboxReportOutcome.Done;

    public List<SandboxFault> Faults { get; set; } = [];

    /// <summary>Answer 429 when a seller exceeds an operation's documented rate and burst, as Amazon does.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Seed of the listing generator, so generated catalogues are the same on every run.</summary>
    public int GeneratorSeed { get; set; } = 1;
}
