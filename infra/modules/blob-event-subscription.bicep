// Event Grid subscription that drives an Event Grid-sourced blob trigger (the only blob trigger Flex Consumption
// runs). Deployed only after the app code is published: the webhook carries the host's blobs_extension system
// key, which the host creates on first start, and Event Grid validates the endpoint when the subscription is made.

@description('Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Subscription name.')
param name string

@description('Container whose BlobCreated events are delivered.')
param containerName string

@description('Only blobs whose name ends so (e.g. .csv), or every blob of the container when empty.')
param subjectEndsWith string = ''

@description('https://<app>.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.<Name>&code=<key>')
@secure()
param endpointUrl string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: name
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: union({
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }, empty(subjectEndsWith) ? {} : { subjectEndsWith: subjectEndsWith })
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
