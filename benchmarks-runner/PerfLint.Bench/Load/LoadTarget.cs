using System.Net.Http.Headers;

namespace PerfLint.Bench.Load;

/// <summary>What every generated request looks like.</summary>
public sealed record LoadTarget(Uri Uri, HttpMethod Method, byte[] Body, string ContentType, TimeSpan RequestTimeout)
{
    private readonly MediaTypeHeaderValue _contentType = MediaTypeHeaderValue.Parse(ContentType);

    public HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(Method, Uri);
        if (Method != HttpMethod.Get && Method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.ContentType = _contentType;
        }
        return request;
    }
}
