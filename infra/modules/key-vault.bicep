// Key Vault for the Amazon SP-API secrets. RBAC authorization only (no access policies): the app's identity reads
// secrets through Key Vault references; an optional admin principal (the deployer) may write them.

param name string
param location string
param tags object

@description('Principal (the app\'s user-assigned identity) that reads secrets.')
param readerPrincipalId string

@description('Resource id of that identity: seeds the role assignment names, which must be known before deployment (what-if).')
param readerResourceId string

@description('Object id of a user or group that may set secrets (Key Vault Secrets Officer). Empty: no assignment.')
param adminPrincipalId string = ''

@description('Purge protection cannot be turned off again once on; leave off for dev/test vaults.')
param enablePurgeProtection bool = false

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API accepts only true or absent for purge protection.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerResourceId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// principalType is left out: the admin may be a user, a group or a CI service principal.
resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(adminPrincipalId)) {
  name: guid(vault.id, adminPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: adminPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
