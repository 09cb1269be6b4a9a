using System.Net;
using System.Text;
using System.Text.Json;

namespace InventoryMapping.LocalHost.Tests.EndToEnd;

/// <summary>Issue 14 where the transport matters: the real app in the local host, over real HTTP.</summary>
public sealed class RequestLimitsOverHttpTests : IAsyncLifetime
{
    private AppOverHttp _app = null!;

    public async Task InitializeAsync() => _app = await AppOverHttp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_and_creates_nothing()
    {
        using var content = new StreamContent(new FiveMegabytesOfJson());
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        var search = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/inventory?q=A")).RootElement;
        Assert.Empty(search.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_a_413_problem()
    {
        using var content = new ByteArrayContent(new byte[(1 << 20) + 10]);
        content.Headers.ContentType = new("application/json");

        using var response = await _app.Http.PostAsync("/api/inventory", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoint_answers_malformed_json_with_a_400_problem_and_no_stack_trace()
    {
        using var response = await _app.Http.PostAsync("/admin/functions/RunJob", new StringContent("{\"input\": ", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    /// <summary>A JSON string of 5 MB, produced as it is sent (no length known up front).</summary>
    private sealed class FiveMegabytesOfJson : Stream
    {
        private const long Size = 5L << 20;
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Size - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at switch
                {
                    0 => (byte)'{',
                    < 9 => (byte)"\"sku\":\"A"[(int)at - 1],
                    Size - 2 => (byte)'"',
                    Size - 1 => (byte)'}',
                    _ => (byte)'A',
                };
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
