using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InventoryMapping.AmazonSandbox;

public static class AmazonSandboxApp
{
    /// <summary>Starts the sandbox in this process on 127.0.0.1 and a free port.</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAmazonSandbox(options, clock);
        var app = builder.Build();
        app.MapAmazonSandbox();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<SandboxControl>());
    }
}
