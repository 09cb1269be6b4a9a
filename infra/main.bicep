// InventoryMapping backend on Azure: a Flex Consumption function app (.NET 10 isolated) with its storage account
// (tables, containers, jobs queue), a user-assigned identity, Key Vault for the SP-API secrets, Application Insights,
// and the Event Grid system topic that feeds the blob triggers on the imports and export-requests containers.
//
// Two passes (see docs/deploy.md):
//   1. az deployment group create -g <rg> -f infra/main.bicep -p namePrefix=<p>       -> everything but the
//      Event Grid subscription; then set Key Vault secrets and publish the code.
//   2. the same command with -p deployBlobEventSubscription=true                      -> the subscriptions, whose
//      webhooks need the blobs_extension key that only exists once the code runs.
targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names (letters, digits, hyphens; 2-12 characters).')
@minLength(2)
@maxLength(12)
param namePrefix string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Object id that gets Key Vault Secrets Officer on the vault so it can set the SP-API secrets. Empty: none.')
param keyVaultAdminPrincipalId string = deployer().objectId

@description('Second pass only: create the Event Grid subscription for the imports blob trigger (needs the code deployed).')
param deployBlobEventSubscription bool = false

@description('Name of the [Function] with the Event Grid-sourced blob trigger on the imports container.')
param blobTriggerFunctionName string = 'ImportBlobCreated'

@description('Name of the [Function] with the Event Grid-sourced blob trigger on the export-requests container.')
param exportRequestFunctionName string = 'ExportRequested'

@description('The host\'s blobs_extension system key. Empty: read from the deployed app with listKeys.')
@secure()
param blobsExtensionKey string = ''

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Flex Consumption instance memory.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Tags applied to every resource.')
param tags object = {}

@description('Browser origins allowed to call the API (CORS), e.g. https://inventory.example.com. Empty: off.')
param corsAllowedOrigins string[] = []

// ---------------------------------------------------------------------------------------------------------------
// Names

var prefix = toLower(namePrefix)
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, location, prefix))
var allTags = union({ application: 'inventory-mapping' }, tags)

var functionAppName = '${prefix}-func-${resourceToken}'
var planName = '${prefix}-plan-${resourceToken}'
var identityName = '${prefix}-id-${resourceToken}'
var storageAccountName = take('st${replace(prefix, '-', '')}${resourceToken}', 24)
var keyVaultName = take('kv${replace(prefix, '-', '')}${resourceToken}', 24)
var logAnalyticsName = '${prefix}-log-${resourceToken}'
var appInsightsName = '${prefix}-appi-${resourceToken}'
var systemTopicName = '${prefix}-evgt-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

var importsContainerName = 'imports'
var exportRequestsContainerName = 'export-requests'
var jobsQueueName = 'jobs'

// ---------------------------------------------------------------------------------------------------------------
// Resources

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: allTags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    deploymentContainerName: deploymentContainerName
    principalId: identity.properties.principalId
    principalResourceId: identity.id
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    location: location
    tags: allTags
    principalId: identity.properties.principalId
    principalResourceId: identity.id
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: keyVaultName
    location: location
    tags: allTags
    readerPrincipalId: identity.properties.principalId
    readerResourceId: identity.id
    adminPrincipalId: keyVaultAdminPrincipalId
  }
}

// Blob-created events for the Event Grid-sourced blob trigger; the subscription comes in the second pass.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: allTags
  properties: {
    source: storage.outputs.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App settings (docs/deploy.md has the table)

@description('Settings for an identity-based storage connection named `connection` (Functions host and Azure SDK clients).')
func identityStorageConnection(connection string, clientId string, blob string, queue string, table string) object => {
  '${connection}__credential': 'managedidentity'
  '${connection}__clientId': clientId
  '${connection}__blobServiceUri': blob
  '${connection}__queueServiceUri': queue
  '${connection}__tableServiceUri': table
}

var appSettings = union(
  identityStorageConnection(
    'AzureWebJobsStorage',
    identity.properties.clientId,
    storage.outputs.blobEndpoint,
    storage.outputs.queueEndpoint,
    storage.outputs.tableEndpoint
  ),
  identityStorageConnection(
    'AppStorage',
    identity.properties.clientId,
    storage.outputs.blobEndpoint,
    storage.outputs.queueEndpoint,
    storage.outputs.tableEndpoint
  ),
  {
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    Storage__NamePrefix: ''
    JobsQueueName: jobsQueueName
    ImportsContainerName: importsContainerName
    ExportRequestsContainerName: exportRequestsContainerName
    RequestListingReportsSchedule: '0 0 */6 * * *'
    CollectListingReportsSchedule: '0 * * * * *'
    StockSyncSchedule: '0 */5 * * * *'
    SpApi__Endpoints__NA: 'https://sellingpartnerapi-na.amazon.com'
    SpApi__Endpoints__EU: 'https://sellingpartnerapi-eu.amazon.com'
    SpApi__Endpoints__FE: 'https://sellingpartnerapi-fe.amazon.com'
    SpApi__TokenEndpoint: 'https://api.amazon.com/auth/o2/token'
    // Channel credentials are Key Vault secrets SpApi--<channelId>--ClientId|ClientSecret|RefreshToken, read at run
    // time with the app's identity (Key Vault Secrets User): a channel added through the API needs no redeploy.
    ChannelCredentials__KeyVaultUri: keyVault.outputs.uri
    ChannelCredentials__credential: 'managedidentity'
    ChannelCredentials__clientId: identity.properties.clientId
  }
)

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: functionAppName
    planName: planName
    location: location
    tags: allTags
    identityId: identity.id
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}'
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    corsAllowedOrigins: corsAllowedOrigins
  }
  // No dependsOn needed: the settings use outputs of storage, monitoring and keyVault, so those modules, role
  // assignments included, finish before the site exists and its host first starts.
}

// ---------------------------------------------------------------------------------------------------------------
// Second pass: Event Grid subscription for the blob trigger

var blobsWebhookBaseUrl = 'https://${functionApp.outputs.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}'

module blobEventSubscription 'modules/blob-event-subscription.bicep' = if (deployBlobEventSubscription) {
  name: 'blob-event-subscription'
  params: {
    systemTopicName: systemTopic.name
    name: '${toLower(blobTriggerFunctionName)}-imports'
    containerName: importsContainerName
    // Only the import files: a sidecar mapping (.mapping.json) is read when its CSV arrives.
    subjectEndsWith: '.csv'
    // if() evaluates only the branch it takes, so listKeys runs only in the second pass. (sites/host has no Bicep
    // type, hence the function form of listKeys rather than an `existing` resource.)
    endpointUrl: deployBlobEventSubscription
      ? '${blobsWebhookBaseUrl}&code=${uriComponent(empty(blobsExtensionKey) ? listKeys('${resourceId('Microsoft.Web/sites', functionAppName)}/host/default', '2024-04-01').systemKeys.blobs_extension : blobsExtensionKey)}'
      : ''
  }
}

// Export request files (export-requests/{channelId}/{name}.json) reach ExportRequested the same way.
module exportRequestEventSubscription 'modules/blob-event-subscription.bicep' = if (deployBlobEventSubscription) {
  name: 'export-request-event-subscription'
  params: {
    systemTopicName: systemTopic.name
    name: '${toLower(exportRequestFunctionName)}-export-requests'
    containerName: exportRequestsContainerName
    endpointUrl: deployBlobEventSubscription
      ? 'https://${functionApp.outputs.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${exportRequestFunctionName}&code=${uriComponent(empty(blobsExtensionKey) ? listKeys('${resourceId('Microsoft.Web/sites', functionAppName)}/host/default', '2024-04-01').systemKeys.blobs_extension : blobsExtensionKey)}'
      : ''
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs (used by docs/deploy.md)

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output keyVaultName string = keyVault.outputs.name
output keyVaultUri string = keyVault.outputs.uri
output appInsightsName string = monitoring.outputs.appInsightsName
output identityName string = identity.name
output identityClientId string = identity.properties.clientId
output eventGridSystemTopicName string = systemTopic.name
output deploymentContainerName string = deploymentContainerName
output blobsWebhookBaseUrl string = blobsWebhookBaseUrl
