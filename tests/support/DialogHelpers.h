#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>
#include <functional>

// Runs `act` on the next visible top-level widget of type D (a modal dialog being
// exec'd) once it is shown.
template <typename D>
void whenDialogOpens(const std::function<void(D *)> &act) {
    QTimer::singleShot(0, qApp, [act] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<D *>(w); d && d->isVisible())
                return act(d);
        whenDialogOpens<D>(act);
    });
}
