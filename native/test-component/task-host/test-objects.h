// The objects the test host hands the operator task, standing in for what backgroundtaskhost
// gives a real task: the task instance (InstanceId, TriggerDetails, GetDeferral, Canceled), its
// deferral, and the two trigger-details classes with their answer methods, each scripted by a
// case name. Every answer and completion goes to Observed.
#pragma once

#include <windows.applicationmodel.background.h>

#include <map>
#include <string>

#include "../../winrt/core/srw-mutex.h"
#include "../runtime-object.h"

namespace task_host {

namespace background = ABI::Windows::ApplicationModel::Background;
using test_component::ComPtr;

/** Makes the trigger details of a case (sms, roaming, threshold, entitlement10,
 *  entitlementTrigger, unreadable, longMessage); null for an unknown name. */
ComPtr<IInspectable> MakeDetails(const std::string& name);

/** The PDU of the `sms` case: an SMS-DELIVER, "hellohello" (test/messages fixtures). */
inline constexpr char kSmsPdu[] =
    "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";

class TestTaskInstance final
    : public test_component::RuntimeObject<TestTaskInstance, false,
                                           background::IBackgroundTaskInstance> {
 public:
  static constexpr const wchar_t* kClassName =
      L"Windows.ApplicationModel.Background.BackgroundTaskInstance";
  TestTaskInstance(ComPtr<IInspectable> details, bool idUnreadable)
      : details_(std::move(details)), idUnreadable_(idUnreadable) {}

  HRESULT STDMETHODCALLTYPE get_InstanceId(GUID* value) override;
  HRESULT STDMETHODCALLTYPE get_Task(background::IBackgroundTaskRegistration** value) override;
  HRESULT STDMETHODCALLTYPE get_Progress(UINT32* value) override;
  HRESULT STDMETHODCALLTYPE put_Progress(UINT32 value) override;
  HRESULT STDMETHODCALLTYPE get_TriggerDetails(IInspectable** value) override;
  HRESULT STDMETHODCALLTYPE add_Canceled(background::IBackgroundTaskCanceledEventHandler* handler,
                                         EventRegistrationToken* token) override;
  HRESULT STDMETHODCALLTYPE remove_Canceled(EventRegistrationToken token) override;
  HRESULT STDMETHODCALLTYPE get_SuspendedCount(UINT32* value) override;
  HRESULT STDMETHODCALLTYPE GetDeferral(background::IBackgroundTaskDeferral** value) override;

  /** Raises Canceled (reason Abort) to every handler, as Windows would. */
  void FireCanceled();
  int HandlersLeft();

 private:
  ComPtr<IInspectable> details_;
  bool idUnreadable_;
  wmbb::SrwMutex lock_;
  std::map<INT64, ComPtr<background::IBackgroundTaskCanceledEventHandler>> handlers_;
  INT64 nextToken_ = 1;
};

}  // namespace task_host
