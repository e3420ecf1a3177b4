/** What the host tests send as the portal: the documents' sample code and metadata. */

export const eid = '89049032123451234512345678901235';
export const code = '1$smdp.address$matchingID';
export const metadata = {
  userAccount: 'new',
  purchaseInstrument: 'new',
  lineType: 'new',
  modirectStatus: 'complete',
  planName: 'My Plan',
};
