namespace InventoryMapping.LocalHost.Tests;

/// <summary>Waits for a condition by polling it until a deadline: no fixed sleeps.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    public static Task HoldsAsync(Func<bool> condition, string because) => HoldsAsync(() => Task.FromResult(condition()), because);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + s_deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Delay(50);
        }
    }
}
