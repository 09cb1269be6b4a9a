using InventoryMapping.AmazonSandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAmazonSandbox(builder.Configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions(), TimeProvider.System);

var app = builder.Build();
app.MapAmazonSandbox();
app.Run();
