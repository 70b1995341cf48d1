using System.Text;
using Amazon.Runtime;
using PerfLint.Prices.Refresh;

namespace PerfLint.Prices.Tests;

/// <summary>
/// PerfLint's SigV4 (its canonical request, the AWS SDK's signature) against AWS's published Signature Version 4 test
/// suite (aws-sig-v4-test-suite, formerly https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html;
/// copied in bazelbuild/bazel third_party/aws-sig-v4-test-suite). Every vector signs for region us-east-1, service
/// "service", at 20150830T123600Z, with the suite's example credentials. Inputs are the suite's .req files, expected
/// values its .creq and .authz files, copied verbatim.
/// </summary>
public class SigV4VectorTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    private const string StsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    private static string Sign(string? token, string body, params KeyValuePair<string, string>[] headers) =>
        SigV4.Authorization(new ImmutableCredentials(AccessKey, SecretKey, token), "us-east-1", "service", SignedAt, "POST", headers, Encoding.UTF8.GetBytes(body));

    [Test]
    public void Post_vanilla() =>
        Assert.That(Sign(null, "", H("Host", "example.amazonaws.com"), H("X-Amz-Date", "20150830T123600Z")), Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"));

    [Test]
    public void Post_header_key_sort() =>
        Assert.That(Sign(null, "", H("Host", "example.amazonaws.com"), H("My-Header1", "value1"), H("X-Amz-Date", "20150830T123600Z")), Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;my-header1;x-amz-date, " +
            "Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"));

    [Test]
    public void Post_x_www_form_urlencoded_canonical_request_and_signature()
    {
        var headers = new[] { H("Content-Type", "application/x-www-form-urlencoded"), H("Host", "example.amazonaws.com"), H("X-Amz-Date", "20150830T123600Z") };
        Assert.Multiple(() =>
        {
            Assert.That(SigV4.CanonicalRequest("POST", headers, Encoding.UTF8.GetBytes("Param1=value1"), out var signed), Is.EqualTo(
                "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
                "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
            Assert.That(signed, Is.EqualTo("content-type;host;x-amz-date"));
            Assert.That(Sign(null, "Param1=value1", headers), Is.EqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, " +
                "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
        });
    }

    [Test]
    public void Post_sts_header_before_signs_the_session_token() =>
        Assert.That(Sign(StsToken, "", H("Host", "example.amazonaws.com"), H("X-Amz-Date", "20150830T123600Z"), H("X-Amz-Security-Token", StsToken)), Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, " +
            "Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"));

    [Test]
    public void Date_header_is_iso8601_basic_utc() =>
        Assert.That(SigV4.FormatDate(SignedAt), Is.EqualTo("20150830T123600Z"));
}
