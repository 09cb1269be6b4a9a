using System.Globalization;

namespace InventoryMapping.Bench;

/// <summary>The command line: a scenario name and its options.</summary>
public sealed record BenchArgs(string Scenario, int N, int Parallelism, int Chunk, int Queries, int Seed, int AppItems = 0, int MessagesPerFeed = SpApi.JsonListingsFeed.MaxMessages)
{
    public const string Usage =
        "usage: InventoryMapping.Bench <seed|import|link-all|search|search-index|summary|ingest|export|force-update|delta-sync> [--n N] [--parallelism P] [--chunk C] [--queries Q] [--seed S] [--app-items K] [--messages-per-feed M]\n" +
        "  --n            listings and/or items to create (default 1000)\n" +
        "  --parallelism  bulk calls of our code in flight at once (default 1); the raw baseline keeps as many transactions in flight as the app's writers (16 x P for listings, 8 x P for items)\n" +
        "  --chunk        listings or items per bulk call (default 5000)\n" +
        "  --queries      measured queries of search and summary (default 200, after 10 warm-up queries)\n" +
        "  --seed         random seed of the generated catalogue (default 42)\n" +
        "  --app-items    search: seed only K of the N items through the app (timed, against raw); the rest go straight into the Items table, untimed (default: all)\n" +
        "  --messages-per-feed  force-update: messages per JSON_LISTINGS_FEED (default and most 25,000; fewer shows several feeds' pacing at a small N)";

    public static BenchArgs? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var parsed = new BenchArgs(args[0], N: 1000, Parallelism: 1, Chunk: 5000, Queries: 200, Seed: 42);
        for (var i = 1; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            parsed = args[i] switch
            {
                "--n" => parsed with { N = value },
                "--parallelism" => parsed with { Parallelism = value },
                "--chunk" => parsed with { Chunk = value },
                "--queries" => parsed with { Queries = value },
                "--seed" => parsed with { Seed = value },
                "--app-items" => parsed with { AppItems = value },
                "--messages-per-feed" => parsed with { MessagesPerFeed = Math.Min(value, SpApi.JsonListingsFeed.MaxMessages) },
                _ => null,
            };
            if (parsed is null)
            {
                return null;
            }

            i++;
        }

        return parsed;
    }
}
