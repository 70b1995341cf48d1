using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace PerfLint.Prices.Refresh;

/// <summary>
/// The AWS SDK's default credential chain (AWSSDK.Core): environment variables, the shared config and credentials
/// files' profile (AWS_PROFILE), web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, as GitHub's OIDC role
/// gives it), the ECS container endpoint and EC2 instance metadata.
/// </summary>
public static class AwsCredentialChain
{
    public static async Task<ImmutableCredentials> ResolveAsync(CancellationToken cancellation)
    {
        try
        {
            var credentials = await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellation);
            var immutable = await credentials.GetCredentialsAsync();
            if (string.IsNullOrEmpty(immutable?.AccessKey) || string.IsNullOrEmpty(immutable.SecretKey))
            {
                throw new PriceListApiException("the AWS credentials found have no access key or secret key");
            }

            return immutable;
        }
        catch (AmazonClientException)
        {
            // The SDK's message lists each provider's failure; the one line below says what to set.
            throw new PriceListApiException(
                "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity role " +
                "(AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE), or run where instance or container credentials are available");
        }
    }
}
