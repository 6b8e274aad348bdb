using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>
/// Requests that a default Kestrel rejects before the application: the server answers them itself with the envelope
/// where it can, and the contract states what Kestrel still answers on its own.
/// </summary>
[TestFixture]
internal sealed class RequestLimitsTests : ServerFixture
{
    /// <summary>Sends raw bytes over one connection and returns (status, headers, body).</summary>
    private async Task<(int Status, Dictionary<string, string> Headers, string Body)> RawAsync(byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Server.RootAddress.Host, Server.RootAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var buffer = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await stream.CopyToAsync(buffer, cts.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset after its bare error response; what arrived is enough.
        }

        var text = Encoding.Latin1.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(split, Is.GreaterThan(0), "a complete response head: " + text);
        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return (status, headers, text[(split + 4)..]);
    }

    private byte[] Request(string target, string extraHeaderLine = "")
    {
        var head = $"GET {target} HTTP/1.1\r\nHost: {Server.RootAddress.Authority}\r\nAuthorization: Bearer {Server.ApiKey}\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. Encoding.Latin1.GetBytes(extraHeaderLine), .. "Connection: close\r\n\r\n"u8.ToArray()];
    }

    [Test]
    public async Task A_header_with_non_ascii_bytes_gets_the_envelope_and_a_request_id()
    {
        // "café" in UTF-8 (C3 A9), sent as raw bytes, as a proxy that does not check headers would forward it.
        var line = "X-Customer: caf" + Encoding.Latin1.GetString([0xC3, 0xA9]) + "\r\n";
        var (status, headers, body) = await RawAsync(Request("/v1/workflows", line));
        Assert.That(status, Is.EqualTo(400), body);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("INVALID_REQUEST"));
        Assert.That(error["field"]!.GetValue<string>(), Is.EqualTo("X-Customer"));
        Assert.That(headers["X-Request-Id"], Is.EqualTo(error["request_id"]!.GetValue<string>()).And.StartWith("req_"));
        Assert.That(headers.ContainsKey("X-RateLimit-Limit"), Is.True);
    }

    [Test]
    public async Task A_non_ascii_request_id_is_replaced_and_the_request_rejected_with_the_generated_id()
    {
        var line = "X-Request-Id: r" + Encoding.Latin1.GetString([0xFF]) + "\r\n";
        var (status, headers, body) = await RawAsync(Request("/v1/workflows", line));
        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(headers["X-Request-Id"], Does.Match("^req_[0-9a-f]{24}$"));
    }

    [Test]
    public async Task A_url_over_8_KiB_is_414_with_the_envelope()
    {
        var response = await DefaultApi.GetAsync("workflows?search=" + new string('a', 8200));
        Check.Error(response, 414, "INVALID_REQUEST");

        var justUnder = await DefaultApi.GetAsync("workflows?search=" + new string('a', 8000));
        Assert.That(justUnder.Code, Is.EqualTo(200), justUnder.Raw);
    }

    [Test]
    public async Task What_kestrel_still_rejects_itself_is_a_bare_status_as_the_contract_states()
    {
        // Over 64 KiB of request line: Kestrel's own 414, no body, no X-Request-Id.
        var (longStatus, longHeaders, longBody) = await RawAsync(Request("/v1/workflows?search=" + new string('a', 70_000)));
        Assert.That(longStatus, Is.EqualTo(414));
        Assert.That(longBody, Is.Empty);
        Assert.That(longHeaders.ContainsKey("X-Request-Id"), Is.False);

        // An encoded NUL in the path: Kestrel's own 400.
        var (nulStatus, nulHeaders, nulBody) = await RawAsync(Request("/v1/workflows/wf%00x"));
        Assert.That(nulStatus, Is.EqualTo(400));
        Assert.That(nulBody, Is.Empty);
        Assert.That(nulHeaders.ContainsKey("X-Request-Id"), Is.False);
    }

    [TestCase(200, true)]
    [TestCase(201, false)]
    public async Task A_request_id_is_echoed_up_to_200_printable_ascii_characters(int length, bool echoed)
    {
        var sent = new string('r', length);
        var response = await DefaultApi.SendAsync(HttpMethod.Get, "workflows", configure: r => r.Headers.TryAddWithoutValidation("X-Request-Id", sent));
        Assert.That(response.Header("X-Request-Id"), echoed ? Is.EqualTo(sent) : Does.Match("^req_[0-9a-f]{24}$"));
    }

    [Test]
    public async Task A_request_id_with_a_space_is_replaced()
    {
        var response = await DefaultApi.SendAsync(HttpMethod.Get, "workflows", configure: r => r.Headers.TryAddWithoutValidation("X-Request-Id", "my id"));
        Assert.That(response.Header("X-Request-Id"), Does.Match("^req_[0-9a-f]{24}$"));
    }
}
