// The app's storage account: host state (AzureWebJobsStorage), app data (AppStorage), and the Flex deployment package.
// Shared keys are off, so every client, including the Functions host, signs in with Entra ID.

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
param name string

param location string
param tags object

@description('Container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Principal (the app\'s user-assigned identity) that gets data-plane roles on the account.')
param principalId string

@description('Resource id of that identity: seeds the role assignment names, which must be known before deployment (what-if).')
param principalResourceId string

@description('Replication SKU.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
param skuName string = 'Standard_LRS'

// Table names must be alphanumeric; these are the tables InventoryMapping.Core reads and writes (AppStorage.AllTables;
// a test keeps the two lists equal).
var tableNames = [
  'Channels'
  'Listings'
  'Items'
  'ItemSkus'
  'ItemChanges'
  'Jobs'
  'Settings'
  'ReportRequests'
  'ItemListings'
  'StockSyncPending'
  'StockSubmissions'
  'SkuClaims'
]

// The app's containers (AppStorage.Containers; a test keeps the two lists equal) and the deployment package's.
var appContainerNames = [
  'reported-rows'
  'searchindex'
  'imports'
  'imports-results'
  'export-requests'
  'exports'
  'stock-submissions'
]

var containerNames = concat(appContainerNames, [deploymentContainerName])

var queueNames = [
  'jobs'
]

// Built-in role definition ids (same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Blob Data Owner: host leases, timer locks, blob-trigger receipts, app files and the deployment package.
// Queue Data Contributor: the jobs queue and the blob trigger's internal queue.
// Table Data Contributor: all app state.
resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(storage.id, principalResourceId, role.value)
    scope: storage
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output tableNames array = tableNames
