using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>
/// The local host running the real app as its own process, so a test can kill it (SIGKILL: no shutdown code runs,
/// as with kill -9) and start another on the same storage.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>What the host wrote last, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    /// <summary>Starts the host with these app settings and waits (polling, with a deadline) until it answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string functionKey)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InventoryMapping.LocalHost.dll"));
        foreach (var (key, value) in settings.Append(new("LocalHost:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("LocalHost:FunctionKey", functionKey)))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var host = new LocalHostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException("The local host exited while starting:\n" + host.Output);
            }

            try
            {
                if ((await http.GetAsync("api/channels")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                host.Kill();
                throw new TimeoutException("The local host did not answer in time:\n" + host.Output);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as kill -9 does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 200)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
